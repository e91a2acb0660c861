"""Code systems and codes used in Upright's FHIR export.

Standard codes are used only where the code's meaning matches what Upright records:

* SNOMED CT 229065009 "Exercise therapy (regime/therapy)" for each prescribed exercise
  (``ServiceRequest.code``) and each logged session (``Procedure.code``), as the HL7
  Physical Activity implementation guide does for exercise prescriptions.
* LOINC 72514-3 "Pain severity - 0-10 verbal numeric rating [Score] - Reported" for the
  pain a patient reports before and after a session, and for the NPRS questionnaire score.
* LOINC 97908-8 "Oswestry Disability Index" (the panel, on the Questionnaire) and 97909-6
  "Oswestry disability index score ODI" (the score Observation).

The Roland-Morris questionnaire, the Patient-Specific Functional Scale and Upright's own
adherence self-report have no code we could verify; they are coded in Upright's local code
system (``LOCAL_SYSTEM``) and their score Observations say so in a note.
"""

from __future__ import annotations

import uuid

SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
# The Physical Activity IG's category for physical-activity orders and plans.
PA_CATEGORY_SYSTEM = "http://hl7.org/fhir/us/physical-activity/CodeSystem/pa-temporary-codes"
PA_CATEGORY_CODE = "PhysicalActivity"
LANGUAGE_SYSTEM = "urn:ietf:bcp:47"

# Upright's own code system, extensions and identifier systems. A URL we control, stable
# across releases; receiving systems treat it as an opaque namespace.
LOCAL_BASE = "https://upright.example.org/fhir"
LOCAL_SYSTEM = f"{LOCAL_BASE}/CodeSystem/upright"
DIFFICULTY_SYSTEM = f"{LOCAL_BASE}/CodeSystem/session-difficulty"
IDENTIFIER_SYSTEM = f"{LOCAL_BASE}/identifier"
DOSAGE_EXTENSION = f"{LOCAL_BASE}/StructureDefinition/exercise-dosage"
PERFORMED_EXTENSION = f"{LOCAL_BASE}/StructureDefinition/exercise-performed"
QUESTIONNAIRE_BASE = f"{LOCAL_BASE}/Questionnaire"

# Ids are uuid5 of this namespace and "<kind>/<Upright id>": the same row always gets the
# same id, so a re-export updates a receiving system's copy instead of duplicating it.
# Never change this value: every id a clinic has stored depends on it.
ID_NAMESPACE = uuid.UUID("6f1c2d4e-93a8-5b7e-8c41-2a9d0e5b7f13")

EXERCISE_THERAPY = {
    "system": SNOMED,
    "code": "229065009",
    "display": "Exercise therapy (regime/therapy)",
}
PAIN_SEVERITY = {
    "system": LOINC,
    "code": "72514-3",
    "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
}
SURVEY_CATEGORY = {"system": OBSERVATION_CATEGORY, "code": "survey", "display": "Survey"}
ACTIVITY_CATEGORY = {"system": OBSERVATION_CATEGORY, "code": "activity", "display": "Activity"}
PA_CATEGORY = {"system": PA_CATEGORY_SYSTEM, "code": PA_CATEGORY_CODE}

# measure → (Questionnaire code or None, score Observation code, score unit).
MEASURE_CODES: dict[str, tuple[dict[str, str] | None, dict[str, str], dict[str, str]]] = {
    "nprs": (None, PAIN_SEVERITY, {"unit": "score", "system": UCUM, "code": "{score}"}),
    "odi": (
        {"system": LOINC, "code": "97908-8", "display": "Oswestry Disability Index"},
        {"system": LOINC, "code": "97909-6", "display": "Oswestry disability index score ODI"},
        {"unit": "%", "system": UCUM, "code": "%"},
    ),
    "rmdq": (
        None,
        {"system": LOCAL_SYSTEM, "code": "rmdq-score", "display": "Roland-Morris score"},
        {"unit": "score", "system": UCUM, "code": "{score}"},
    ),
    "psfs": (
        None,
        {"system": LOCAL_SYSTEM, "code": "psfs-score", "display": "PSFS mean score"},
        {"unit": "score", "system": UCUM, "code": "{score}"},
    ),
    "adherence_self_report": (
        None,
        {
            "system": LOCAL_SYSTEM,
            "code": "adherence-self-report-score",
            "display": "Exercise adherence self-report score",
        },
        {"unit": "score", "system": UCUM, "code": "{score}"},
    ),
}
LOCAL_ONLY_NOTE = (
    "No LOINC code could be verified for this measure; it is coded in Upright's local code system."
)

# Resource types a bundle may hold, in the order they are written.
RESOURCE_TYPES = (
    "Patient",
    "Organization",
    "Practitioner",
    "CarePlan",
    "ServiceRequest",
    "Procedure",
    "Observation",
    "Questionnaire",
    "QuestionnaireResponse",
)
