/**
 * Generated from /api/schema/ by scripts/api-types.mjs (openapi-typescript). Do not edit:
 * run `npm run api:types` after changing a serializer.
 */

export interface paths {
    "/api/alerts/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Alerts of the caller's patients (``?status=`` open by default, ``?patient=``);
         *     a physio acknowledges or resolves them, with an optional note.
         */
        get: operations["alerts_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/{id}/acknowledge/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description Alerts of the caller's patients (``?status=`` open by default, ``?patient=``);
         *     a physio acknowledges or resolves them, with an optional note.
         */
        post: operations["alerts_acknowledge_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/{id}/resolve/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description Alerts of the caller's patients (``?status=`` open by default, ``?patient=``);
         *     a physio acknowledges or resolves them, with an optional note.
         */
        post: operations["alerts_resolve_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assignments/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Assignments: physios manage their patients'; a patient reads their own. */
        get: operations["assignments_list"];
        put?: never;
        /** @description Assignments: physios manage their patients'; a patient reads their own. */
        post: operations["assignments_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assignments/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Assignments: physios manage their patients'; a patient reads their own. */
        get: operations["assignments_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assignments/{id}/breaks/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The micro-breaks prescribed for an assignment (the patient's physios and clinic
         *     admins; anyone else: 404).
         */
        get: operations["assignments_breaks_retrieve"];
        /**
         * @description The micro-breaks prescribed for an assignment (the patient's physios and clinic
         *     admins; anyone else: 404).
         */
        put: operations["assignments_breaks_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assignments/{id}/calendar/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new private calendar feed URL (the previous one stops working) */
        post: operations["assignments_calendar_create"];
        /** Revoke the calendar feed */
        delete: operations["assignments_calendar_destroy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assignments/{id}/end/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Assignments: physios manage their patients'; a patient reads their own. */
        post: operations["assignments_end_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assignments/{id}/handout.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A printable PDF of the assignment */
        get: operations["assignments_handout_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assignments/{id}/pause/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Assignments: physios manage their patients'; a patient reads their own. */
        post: operations["assignments_pause_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assignments/{id}/resume/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Assignments: physios manage their patients'; a patient reads their own. */
        post: operations["assignments_resume_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/csrf/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Set the CSRF cookie for the PWA */
        get: operations["auth_csrf_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Session sign-in for the PWA (CSRF-protected, throttled per account and address). */
        post: operations["auth_login_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Ends the session; called with a token, deletes that token. */
        post: operations["auth_logout_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["auth_password_reset_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset/confirm/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["auth_password_reset_confirm_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/token/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Token for API clients: ``Authorization: Token <key>``. */
        post: operations["auth_token_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/{token}.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The private iCalendar feed (no login: the token is the credential) */
        get: operations["calendar_feed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clinic/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The caller's clinic and how to reach it; its administrators edit the contact. */
        get: operations["clinic_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** @description The caller's clinic and how to reach it; its administrators edit the contact. */
        patch: operations["clinic_partial_update"];
        trace?: never;
    };
    "/api/consents/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["consents_list"];
        put?: never;
        post: operations["consents_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/consents/{consent_id}/revoke/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["consents_revoke_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exercises/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The exercise library plus the caller's clinic's own exercises. */
        get: operations["exercises_list"];
        put?: never;
        /** @description The exercise library plus the caller's clinic's own exercises. */
        post: operations["exercises_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exercises/{slug}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The exercise library plus the caller's clinic's own exercises. */
        get: operations["exercises_retrieve"];
        put?: never;
        post?: never;
        /** @description The exercise library plus the caller's clinic's own exercises. */
        delete: operations["exercises_destroy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exercises/{slug}/poses/{key}.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description ETag + ``Cache-Control`` for reads the PWA may keep offline (the library).
         *
         *     The ETag is a hash of the rendered body, so it changes exactly when what the caller
         *     sees changes (a library reload, a language switch); ``If-None-Match`` gets a 304.
         *     ``private``: clinic-specific entries and the language make it per-user.
         */
        get: operations["exercises_poses_.svg_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["health_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbox/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The caller's inbox, newest first; ``?unread=true`` for unread only. */
        get: operations["inbox_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbox/{id}/read/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["inbox_read_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invites/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Invites: physios invite patients, clinic admins invite physios (and patients).
         *     Looking up and accepting a code needs no account; a patient who accepts starts with the
         *     default sitting-nudge plan.
         */
        get: operations["invites_list"];
        put?: never;
        /**
         * @description Invites: physios invite patients, clinic admins invite physios (and patients).
         *     Looking up and accepting a code needs no account; a patient who accepts starts with the
         *     default sitting-nudge plan.
         */
        post: operations["invites_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invites/{code}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Invites: physios invite patients, clinic admins invite physios (and patients).
         *     Looking up and accepting a code needs no account; a patient who accepts starts with the
         *     default sitting-nudge plan.
         */
        get: operations["invites_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invites/{code}/accept/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description Invites: physios invite patients, clinic admins invite physios (and patients).
         *     Looking up and accepting a code needs no account; a patient who accepts starts with the
         *     default sitting-nudge plan.
         */
        post: operations["invites_accept_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invites/{code}/qr.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Invites: physios invite patients, clinic admins invite physios (and patients).
         *     Looking up and accepting a code needs no account; a patient who accepts starts with the
         *     default sitting-nudge plan.
         */
        get: operations["invites_qr.svg_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The caller's account. Changing the time zone also moves the next sitting nudge and
         *     the routine reminders to the new zone's hours.
         */
        get: operations["me_retrieve"];
        put?: never;
        post?: never;
        /**
         * Delete my account and every piece of personal data held about me
         * @description Send `{"password": "…"}` as the JSON body (OpenAPI 3.0 cannot describe a body on DELETE). Everything in `GET /api/me/export/` is erased; the session ends.
         */
        delete: operations["me_destroy"];
        options?: never;
        head?: never;
        /**
         * @description The caller's account. Changing the time zone also moves the next sitting nudge and
         *     the routine reminders to the new zone's hours.
         */
        patch: operations["me_partial_update"];
        trace?: never;
    };
    "/api/me/export/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export my personal data
         * @description Everything Upright holds about the caller, as one JSON document.
         */
        get: operations["me_export_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/fhir/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export my record as FHIR
         * @description The signed-in patient's own record as a FHIR R4 Bundle.
         */
        get: operations["me_fhir_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/tokens/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The caller's API tokens (never the keys): see where you are signed in, revoke. */
        get: operations["me_tokens_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/tokens/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** @description The caller's API tokens (never the keys): see where you are signed in, revoke. */
        delete: operations["me_tokens_destroy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/two-factor/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My two-factor sign-in */
        get: operations["me_two_factor_retrieve"];
        put?: never;
        post?: never;
        /**
         * Switch two-factor sign-in off (not when the clinic requires it)
         * @description Send `{"password": "…"}` as the JSON body.
         */
        delete: operations["me_two_factor_destroy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/two-factor/confirm/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the authenticator with its first code; returns recovery codes once */
        post: operations["me_two_factor_confirm_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/two-factor/recovery-codes/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** New recovery codes (the old ones stop working); needs a current code */
        post: operations["me_two_factor_recovery_codes_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/two-factor/setup/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start enrolling an authenticator app (scan the QR, then confirm a code) */
        post: operations["me_two_factor_setup_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["messages_retrieve"];
        put?: never;
        post: operations["messages_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/{message_id}/no-reply/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["messages_no_reply_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/read/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["messages_read_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messages/unread/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["messages_unread_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messaging/clinic-settings/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["messaging_clinic_settings_retrieve"];
        put: operations["messaging_clinic_settings_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/messaging/prefs/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["messaging_prefs_retrieve"];
        put: operations["messaging_prefs_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/nudges/{id}/ack/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["nudges_ack_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/nudges/breaks/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The micro-breaks the caller's nudges rotate through (cached by the PWA offline). */
        get: operations["nudges_breaks_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/nudges/breaks/stats/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["nudges_breaks_stats_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/nudges/busy/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description One-tap "busy": hold nudges for 15, 30 or 60 minutes or until the end of the day. */
        post: operations["nudges_busy_create"];
        /** @description One-tap "busy": hold nudges for 15, 30 or 60 minutes or until the end of the day. */
        delete: operations["nudges_busy_destroy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/nudges/calendar/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The caller's private calendar feed: nudges wait while it shows them busy. */
        get: operations["nudges_calendar_retrieve"];
        /** @description The caller's private calendar feed: nudges wait while it shows them busy. */
        put: operations["nudges_calendar_update"];
        post?: never;
        /** @description The caller's private calendar feed: nudges wait while it shows them busy. */
        delete: operations["nudges_calendar_destroy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/nudges/plan/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The caller's sitting-nudge settings (created with defaults on first read). */
        get: operations["nudges_plan_retrieve"];
        /** @description The caller's sitting-nudge settings (created with defaults on first read). */
        put: operations["nudges_plan_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/nudges/plan/preview/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["nudges_plan_preview_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/nudges/summary/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["nudges_summary_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/nudges/walk/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description "I went for a walk": counted as a break; the next nudge is pushed back. */
        post: operations["nudges_walk_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outcomes/due/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The caller's questionnaires due today or earlier (their local day). */
        get: operations["outcomes_due_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outcomes/measures/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Every questionnaire with its items in the caller's language (the clinic's licensed
         *     wording where it loaded one).
         */
        get: operations["outcomes_measures_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outcomes/psfs-activities/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A patient's PSFS activities (``?patient=ID``): the physio reads and corrects them. */
        get: operations["outcomes_psfs_activities_retrieve"];
        /** @description A patient's PSFS activities (``?patient=ID``): the physio reads and corrects them. */
        put: operations["outcomes_psfs_activities_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outcomes/responses/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Answered questionnaires with their change from baseline. Patients see and post their
         *     own; physios and clinic admins read their patients' (``?patient=ID``).
         */
        get: operations["outcomes_responses_list"];
        put?: never;
        /**
         * @description Answered questionnaires with their change from baseline. Patients see and post their
         *     own; physios and clinic admins read their patients' (``?patient=ID``).
         */
        post: operations["outcomes_responses_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outcomes/schedules/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Questionnaire schedules of the caller's patients; a physio creates them. */
        get: operations["outcomes_schedules_list"];
        put?: never;
        /** @description Questionnaire schedules of the caller's patients; a physio creates them. */
        post: operations["outcomes_schedules_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The caller's patients with adherence, last session, latest pain and open alerts. */
        get: operations["patients_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{patient_id}/fhir/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export a patient's record as FHIR
         * @description One of the caller's patients as a FHIR R4 Bundle (clinic staff; 404 for anyone
         *     the caller may not see).
         */
        get: operations["patients_fhir_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The caller's patients with adherence, last session, latest pain and open alerts. */
        get: operations["patients_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{id}/breaks/stats/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A patient's break statistics for their physios and clinic admins (else 404). */
        get: operations["patients_breaks_stats_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{id}/physios/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description The caller's patients with adherence, last session, latest pain and open alerts. */
        post: operations["patients_physios_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{id}/precautions/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Precautions marked for this patient; nudges never suggest a move carrying one. */
        get: operations["patients_precautions_retrieve"];
        /** @description Precautions marked for this patient; nudges never suggest a move carrying one. */
        put: operations["patients_precautions_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{id}/screening/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Re-issue the red-flag check: the patient answers it before the next session. */
        post: operations["patients_screening_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{id}/sessions/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The caller's patients with adherence, last session, latest pain and open alerts. */
        get: operations["patients_sessions_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programs/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Programs of the caller's clinic. An update makes a new version. */
        get: operations["programs_list"];
        put?: never;
        /** @description Programs of the caller's clinic. An update makes a new version. */
        post: operations["programs_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/programs/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Programs of the caller's clinic. An update makes a new version. */
        get: operations["programs_retrieve"];
        /** @description Programs of the caller's clinic. An update makes a new version. */
        put: operations["programs_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** @description Programs of the caller's clinic. An update makes a new version. */
        patch: operations["programs_partial_update"];
        trace?: never;
    };
    "/api/progress/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["progress_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/progress/history/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Every session of the caller, newest first, a page at a time: the history that
         *     ``/api/progress/`` no longer lists one by one (it holds the recent weeks).
         */
        get: operations["progress_history_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/push/key/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["push_key_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/push/subscriptions/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["push_subscriptions_create"];
        delete: operations["push_subscriptions_destroy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/clinic.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["reports_clinic.csv_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/monthly/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["reports_monthly_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reports/monthly.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["reports_monthly.pdf_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/routines/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Clinic staff add their own entries (the body has the shape of a library file's
         *     entry, checked by the same rules) and retire them; library entries are read-only.
         */
        get: operations["routines_list"];
        put?: never;
        /**
         * @description Clinic staff add their own entries (the body has the shape of a library file's
         *     entry, checked by the same rules) and retire them; library entries are read-only.
         */
        post: operations["routines_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/routines/{slug}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Clinic staff add their own entries (the body has the shape of a library file's
         *     entry, checked by the same rules) and retire them; library entries are read-only.
         */
        get: operations["routines_retrieve"];
        put?: never;
        post?: never;
        /**
         * @description Clinic staff add their own entries (the body has the shape of a library file's
         *     entry, checked by the same rules) and retire them; library entries are read-only.
         */
        delete: operations["routines_destroy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/safety/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The pain rule's thresholds and advice, and the red flags, as the server applies them.
         *     The PWA caches this and applies the same rule offline.
         */
        get: operations["safety_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/screening/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The patient's red-flag check: whether it is due, and answering it. */
        get: operations["screening_retrieve"];
        put?: never;
        /** @description The patient's red-flag check: whether it is due, and answering it. */
        post: operations["screening_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["sessions_list"];
        put?: never;
        post: operations["sessions_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["sessions_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/time-entries/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["time_entries_retrieve"];
        put?: never;
        post: operations["time_entries_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/time-entries/{entry_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["time_entries_partial_update"];
        trace?: never;
    };
    "/api/time-entries/{entry_id}/history/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["time_entries_history_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/time-entries/{entry_id}/stop/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["time_entries_stop_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/time-entries/timer/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["time_entries_timer_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tips/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description ETag + ``Cache-Control`` for reads the PWA may keep offline (the library).
         *
         *     The ETag is a hash of the rendered body, so it changes exactly when what the caller
         *     sees changes (a library reload, a language switch); ``If-None-Match`` gets a 304.
         *     ``private``: clinic-specific entries and the language make it per-user.
         */
        get: operations["tips_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tips/{slug}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description ETag + ``Cache-Control`` for reads the PWA may keep offline (the library).
         *
         *     The ETag is a hash of the rendered body, so it changes exactly when what the caller
         *     sees changes (a library reload, a language switch); ``If-None-Match`` gets a 304.
         *     ``private``: clinic-specific entries and the language make it per-user.
         */
        get: operations["tips_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/today/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Everything due today in the patient's time zone, in one response. */
        get: operations["today_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        AckRequest: {
            action: components["schemas"]["ActionEnum"];
            minutes?: number | null;
            exercise?: string;
        };
        AckResult: {
            id: number;
            /** Format: date-time */
            acknowledged_at: string;
            action: string;
        };
        /**
         * @description * `moved` - Moved
         *     * `snooze` - Snooze
         *     * `dismiss` - Dismiss
         * @enum {string}
         */
        ActionEnum: "moved" | "snooze" | "dismiss";
        Alert: {
            readonly id: number;
            readonly kind: components["schemas"]["AlertKindEnum"];
            readonly reason: string;
            readonly message: string;
            /** Format: date-time */
            readonly created_at: string;
            readonly status: components["schemas"]["AlertStatusEnum"];
            readonly patient: components["schemas"]["_Person"];
            /** Format: uuid */
            readonly session: string | null;
            /** Format: date-time */
            readonly acknowledged_at: string | null;
            readonly acknowledged_by: components["schemas"]["_Person"] | null;
            /** Format: date-time */
            readonly resolved_at: string | null;
            readonly resolved_by: components["schemas"]["_Person"] | null;
            readonly review_note: string;
        };
        /**
         * @description * `pain` - Pain
         *     * `adherence` - Missed sessions
         *     * `red_flag` - Red flag (urgent)
         *     * `skipped_hurt` - Exercises skipped because they hurt
         * @enum {string}
         */
        AlertKindEnum: "pain" | "adherence" | "red_flag" | "skipped_hurt";
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        AlertReviewRequest: {
            /** @default  */
            note: string;
        };
        /**
         * @description * `new` - new
         *     * `acknowledged` - acknowledged
         *     * `resolved` - resolved
         * @enum {string}
         */
        AlertStatusEnum: "new" | "acknowledged" | "resolved";
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        ApiToken: {
            readonly id: number;
            readonly prefix: string;
            readonly name: string;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly last_used_at: string;
            /** Format: date-time */
            readonly expires_at: string;
            readonly current: boolean;
        };
        Assignment: {
            readonly id: number;
            readonly program: components["schemas"]["ProgramRef"];
            readonly patient: components["schemas"]["PersonRef"];
            /** Format: date */
            readonly start_date: string;
            /** Format: date */
            readonly end_date: string | null;
            readonly days_of_week: unknown;
            /** @example 18:00 */
            readonly preferred_time: string | null;
            readonly notes: string;
            readonly status: components["schemas"]["AssignmentStatusEnum"];
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        AssignmentInRequest: {
            program: number;
            patient: number;
            /** Format: date */
            start_date: string;
            /** Format: date */
            end_date?: string | null;
            days_of_week: number[];
            /** Format: time */
            preferred_time?: string | null;
            /** @default  */
            notes: string;
        };
        /**
         * @description * `active` - Active
         *     * `paused` - Paused
         *     * `ended` - Ended
         * @enum {string}
         */
        AssignmentStatusEnum: "active" | "paused" | "ended";
        /**
         * @description * `lower-back` - Lower back
         *     * `core` - Core
         *     * `hips` - Hips
         *     * `upper-back` - Upper back
         *     * `neck` - Neck
         *     * `shoulders` - Shoulders
         *     * `legs` - Legs
         *     * `full-body` - Full body
         * @enum {string}
         */
        BodyRegionEnum: "lower-back" | "core" | "hips" | "upper-back" | "neck" | "shoulders" | "legs" | "full-body";
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        BreakItem: {
            exercise: string;
            /** @default 1 */
            sets: number;
            reps?: number | null;
            hold_seconds?: number | null;
            /** @default 1 */
            every_nth: number;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        BreakItemRequest: {
            exercise: string;
            /** @default 1 */
            sets: number;
            reps?: number | null;
            hold_seconds?: number | null;
            /** @default 1 */
            every_nth: number;
        };
        BreakPool: {
            items: components["schemas"]["EffectiveItem"][];
        };
        BreakStats: {
            days: components["schemas"]["StatsDay"][];
            weeks: components["schemas"]["StatsWeek"][];
            longest_sitting_minutes: components["schemas"]["StatsSitting"][];
            exercises: components["schemas"]["StatsExercise"][];
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        BusyInRequest: {
            minutes?: components["schemas"]["MinutesEnum"];
            until?: components["schemas"]["UntilEnum"];
        };
        BusyOut: {
            /** Format: date-time */
            busy_until: string | null;
        };
        BusyWindow: {
            /** Format: date-time */
            start: string;
            /** Format: date-time */
            end: string;
        };
        Calendar: {
            configured: boolean;
            host: string | null;
            /** Format: date-time */
            last_fetched_at: string | null;
            last_error: string | null;
            busy: components["schemas"]["BusyWindow"][];
        };
        CalendarFeedUrl: {
            /** Format: uri */
            url: string;
            webcal_url: string;
        };
        /**
         * @description ``url``: the private iCalendar address (https). Left out: nothing changes (so the
         *     GET body may be sent back).
         */
        CalendarInRequest: {
            url?: string;
        };
        Candidate: {
            slug: string;
            name: string;
            source: components["schemas"]["SourceEnum"];
            conflict: boolean;
            conflict_reason: string | null;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        CareLinkCreateRequest: {
            physio: number;
        };
        CaseloadRow: {
            id: number;
            full_name: string;
            /** Format: email */
            email: string;
            /** Format: double */
            adherence_7d: number | null;
            /** Format: double */
            adherence_28d: number | null;
            /** Format: date-time */
            last_session_at: string | null;
            latest_pain: number | null;
            open_alerts: number;
            needs_program: boolean;
            unread_messages: number;
            monitoring_days_this_month: number;
        };
        Change: {
            /** Format: double */
            delta: number;
            /** Format: double */
            percent: number | null;
            direction: components["schemas"]["DirectionEnum"];
            meaningful: boolean;
        };
        /**
         * @description * `ok` - ok
         *     * `error` - error
         * @enum {string}
         */
        CheckStatusEnum: "ok" | "error";
        ChoiceOut: {
            /** @description A whole number, or true/false for yes/no items. */
            value: unknown;
            label: string;
        };
        Clinic: {
            readonly id: number;
            readonly name: string;
            readonly phone: string;
            /** Format: email-or-empty */
            readonly email: string | unknown | unknown;
            /** @description Opening hours, e.g. Mon-Fri 8:00-18:00 */
            readonly hours: string;
        };
        ClinicContact: {
            name: string;
            phone: string;
            email: string;
            hours: string;
        };
        /**
         * @description A clinic's own exercise: the shape of a library file's entry. The top level is
         *     checked here; the nested parts (dosage, poses, texts) by the library's content rules
         *     in the service, so both paths into the library obey the same checks.
         */
        ClinicExerciseInRequest: {
            slug: string;
            category: components["schemas"]["ExerciseCategoryEnum"];
            body_region: components["schemas"]["BodyRegionEnum"];
            position: components["schemas"]["PositionEnum"];
            equipment: components["schemas"]["EquipmentEnum"][];
            difficulty: number;
            desk_friendly: boolean;
            dosage: unknown;
            duration_minutes: number;
            progression: string | null;
            regression: string | null;
            precautions: string[];
            poses: unknown;
            translations: unknown;
        };
        /** @description A clinic's own routine, the shape of a routines.yaml entry (see above). */
        ClinicRoutineInRequest: {
            slug: string;
            duration_minutes: number;
            weeks: number | null;
            items: unknown;
            translations: unknown;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        ClinicSettings: {
            admins_read_threads: boolean;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        ClinicSettingsRequest: {
            admins_read_threads: boolean;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        CodeRequest: {
            code: string;
        };
        Consent: {
            readonly id: number;
            patient: number;
            /** Format: date */
            given_on: string;
            method: components["schemas"]["MethodEnum"];
            note?: string;
            readonly recorded_by: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            created_at?: string;
            /** Format: date */
            revoked_on?: string | null;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        ConsentInRequest: {
            patient?: number;
            /** Format: date */
            given_on?: string;
            method?: components["schemas"]["MethodEnum"];
            note?: string;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        CredentialsRequest: {
            /** Format: email */
            email: string;
            password: string;
            /** @default  */
            otp: string;
        };
        Csrf: {
            csrfToken: string;
        };
        /**
         * @description * `too_easy` - Too easy
         *     * `about_right` - About right
         *     * `too_hard` - Too hard
         * @enum {string}
         */
        DifficultyEnum: "too_easy" | "about_right" | "too_hard";
        /**
         * @description * `improved` - improved
         *     * `worsened` - worsened
         *     * `unchanged` - unchanged
         * @enum {string}
         */
        DirectionEnum: "improved" | "worsened" | "unchanged";
        Dosage: {
            sets: number;
            reps: number | null;
            hold_seconds: number | null;
            rest_seconds: number;
            per_side: boolean;
        };
        Dose: {
            sets: number | null;
            reps: number | null;
            hold_seconds: number | null;
        };
        Due: {
            schedule: number;
            measure: components["schemas"]["MeasureEnum"];
            /** Format: date */
            due_date: string;
            activities?: string[];
        };
        EffectiveItem: {
            exercise: string;
            name: string;
            sets: number | null;
            reps: number | null;
            hold_seconds: number | null;
        };
        /**
         * @description * `mat` - mat
         *     * `chair` - chair
         *     * `wall` - wall
         *     * `towel` - towel
         *     * `band` - band
         *     * `pillow` - pillow
         *     * `table` - table
         *     * `broomstick` - broomstick
         * @enum {string}
         */
        EquipmentEnum: "mat" | "chair" | "wall" | "towel" | "band" | "pillow" | "table" | "broomstick";
        /**
         * @description Texts in the caller's language, else English. ``language`` names the language the
         *     texts are in and ``translation_fallback`` is true when that is not the one asked for,
         *     so the builder can mark an entry a patient would get in English.
         */
        Exercise: {
            readonly slug: string;
            readonly name: string;
            readonly summary: string;
            readonly category: components["schemas"]["ExerciseCategoryEnum"];
            readonly body_region: components["schemas"]["BodyRegionEnum"];
            readonly position: components["schemas"]["PositionEnum"];
            readonly equipment: string[];
            readonly difficulty: number;
            readonly desk_friendly: boolean;
            readonly duration_minutes: number;
            readonly dosage: components["schemas"]["Dosage"];
            readonly poses: components["schemas"]["Pose"][];
            readonly retired: boolean;
            readonly language: string;
            readonly translation_fallback: boolean;
            readonly steps: string[];
            readonly cues: string[];
            readonly mistakes: string[];
            readonly safety_notes: string[];
            readonly keywords: string[];
            readonly precautions: components["schemas"]["Precaution"][];
            readonly progression: string;
            readonly regression: string;
        };
        /**
         * @description * `core` - Core
         *     * `posture` - Posture
         *     * `mobility` - Mobility
         *     * `micro-break` - Micro break
         * @enum {string}
         */
        ExerciseCategoryEnum: "core" | "posture" | "mobility" | "micro-break";
        /**
         * @description Texts in the caller's language, else English. ``language`` names the language the
         *     texts are in and ``translation_fallback`` is true when that is not the one asked for,
         *     so the builder can mark an entry a patient would get in English.
         */
        ExerciseRef: {
            readonly slug: string;
            readonly name: string;
            readonly language: string;
            readonly translation_fallback: boolean;
        };
        /**
         * @description Texts in the caller's language, else English. ``language`` names the language the
         *     texts are in and ``translation_fallback`` is true when that is not the one asked for,
         *     so the builder can mark an entry a patient would get in English.
         */
        ExerciseSummary: {
            readonly slug: string;
            readonly name: string;
            readonly summary: string;
            readonly category: components["schemas"]["ExerciseCategoryEnum"];
            readonly body_region: components["schemas"]["BodyRegionEnum"];
            readonly position: components["schemas"]["PositionEnum"];
            readonly equipment: string[];
            readonly difficulty: number;
            readonly desk_friendly: boolean;
            readonly duration_minutes: number;
            readonly dosage: components["schemas"]["Dosage"];
            readonly poses: components["schemas"]["Pose"][];
            readonly retired: boolean;
            readonly language: string;
            readonly translation_fallback: boolean;
        };
        /** @description A FHIR R4 Bundle of type collection. Each resource conforms to the HL7 FHIR R4 JSON schema, https://hl7.org/fhir/R4/fhir.schema.json#/definitions/Bundle. */
        FhirBundle: {
            resourceType: components["schemas"]["FhirBundleResourceTypeEnum"];
            /** Format: uuid */
            id: string;
            type: components["schemas"]["TypeEnum"];
            timestamp: string;
            meta: {
                [key: string]: unknown;
            };
            entry?: components["schemas"]["FhirEntry"][];
            link: components["schemas"]["FhirLink"][];
        };
        /**
         * @description * `Bundle` - Bundle
         * @enum {string}
         */
        FhirBundleResourceTypeEnum: "Bundle";
        FhirEntry: {
            /** @description urn:uuid:<id>, stable across exports */
            fullUrl: string;
            resource: components["schemas"]["FhirResource"];
        };
        FhirLink: {
            relation: components["schemas"]["RelationEnum"];
            /** Format: uri */
            url: string;
        };
        /** @description Any resource of ``RESOURCE_TYPES``; its full definition is HL7's JSON schema. */
        FhirResource: {
            resourceType: components["schemas"]["FhirResourceResourceTypeEnum"];
            /** Format: uuid */
            id: string;
        };
        /**
         * @description * `Patient` - Patient
         *     * `Organization` - Organization
         *     * `Practitioner` - Practitioner
         *     * `CarePlan` - CarePlan
         *     * `ServiceRequest` - ServiceRequest
         *     * `Procedure` - Procedure
         *     * `Observation` - Observation
         *     * `Questionnaire` - Questionnaire
         *     * `QuestionnaireResponse` - QuestionnaireResponse
         * @enum {string}
         */
        FhirResourceResourceTypeEnum: "Patient" | "Organization" | "Practitioner" | "CarePlan" | "ServiceRequest" | "Procedure" | "Observation" | "Questionnaire" | "QuestionnaireResponse";
        Health: {
            status: components["schemas"]["HealthStatusEnum"];
            database: components["schemas"]["CheckStatusEnum"];
            broker: components["schemas"]["CheckStatusEnum"];
        };
        /**
         * @description * `ok` - ok
         *     * `degraded` - degraded
         * @enum {string}
         */
        HealthStatusEnum: "ok" | "degraded";
        Held: {
            reason: components["schemas"]["ReasonEnum"];
            /** Format: date-time */
            until: string;
        };
        /** @description One session of the paged history: when, pain before and after, difficulty. */
        HistoryRow: {
            /** Format: uuid */
            readonly id: string;
            /** Format: date-time */
            readonly completed_at: string;
            /** Format: date */
            readonly date: string;
            readonly before: number;
            readonly after: number;
            readonly difficulty: string;
        };
        InboxMessage: {
            readonly id: number;
            readonly kind: components["schemas"]["InboxMessageKindEnum"];
            readonly title: string;
            readonly body: string;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly read_at: string | null;
            readonly nudge: number | null;
            readonly url: string;
            readonly nudge_kind: string | null;
            readonly exercise: string | null;
            readonly dose: components["schemas"]["Dose"] | null;
        };
        /**
         * @description * `nudge` - Nudge
         *     * `reminder` - Reminder
         *     * `tip` - Tip
         *     * `alert` - Alert
         *     * `message` - Message
         * @enum {string}
         */
        InboxMessageKindEnum: "nudge" | "reminder" | "tip" | "alert" | "message";
        Invite: {
            readonly code: string;
            readonly role: components["schemas"]["RoleEnum"];
            /** Format: email-or-empty */
            readonly email: string | unknown | unknown;
            readonly note: string;
            readonly url: string;
            readonly qr_svg_url: string;
            /** Format: date-time */
            readonly expires_at: string;
            /** Format: date-time */
            readonly used_at: string | null;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        InviteAcceptRequest: {
            /** Format: email */
            email: string;
            full_name: string;
            password: string;
            timezone: string;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        InviteCreateRequest: {
            /** @default patient */
            role: components["schemas"]["InviteRoleEnum"];
            email?: (string | unknown | unknown) | string;
            /** @default  */
            note: string;
        };
        InvitePublic: {
            readonly code: string;
            readonly role: components["schemas"]["RoleEnum"];
            readonly clinic_name: string;
            /** Format: email-or-empty */
            readonly email: string | unknown | unknown;
            /** Format: date-time */
            readonly expires_at: string;
            readonly valid: boolean;
        };
        /**
         * @description * `patient` - patient
         *     * `physio` - physio
         * @enum {string}
         */
        InviteRoleEnum: "patient" | "physio";
        /**
         * @description * `en` - en
         *     * `es` - es
         *     * `de` - de
         * @enum {string}
         */
        LanguageEnum: "en" | "es" | "de";
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        Me: {
            readonly id: number;
            /** Format: email */
            readonly email: string;
            full_name?: string;
            readonly role: components["schemas"]["RoleEnum"];
            readonly clinic: components["schemas"]["Clinic"];
            timezone?: string;
            language: components["schemas"]["LanguageEnum"];
            readonly two_factor: components["schemas"]["TwoFactorStatus"];
        };
        Measure: {
            /** @description One of: nprs, psfs, odi, rmdq, adherence_self_report */
            code: string;
            name: string;
            /** @description Fewest answers accepted. */
            min_items: number;
            max_items: number;
            lower_is_better: boolean;
            items: components["schemas"]["MeasureItem"][];
        };
        /**
         * @description * `nprs` - nprs
         *     * `psfs` - psfs
         *     * `odi` - odi
         *     * `rmdq` - rmdq
         *     * `adherence_self_report` - adherence_self_report
         * @enum {string}
         */
        MeasureEnum: "nprs" | "psfs" | "odi" | "rmdq" | "adherence_self_report";
        MeasureItem: {
            /** @description Position in `answers`, from 0. */
            index: number;
            text: string;
            kind: components["schemas"]["MeasureItemKindEnum"];
            min: number | null;
            max: number | null;
            choices: components["schemas"]["ChoiceOut"][];
        };
        /**
         * @description * `scale` - scale
         *     * `yes_no` - yes_no
         *     * `choice` - choice
         * @enum {string}
         */
        MeasureItemKindEnum: "scale" | "yes_no" | "choice";
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        MessageInRequest: {
            /** Format: uuid */
            id: string;
            body: string;
            patient?: number;
        };
        /** @description For the schema: the shape ``message_data`` returns. */
        MessageOut: {
            /** Format: uuid */
            id: string;
            patient: number;
            sender: {
                [key: string]: unknown;
            } | null;
            from_patient: boolean;
            body: string;
            /** Format: date-time */
            created_at: string;
            mine: boolean;
            read: boolean;
            seen: boolean;
            no_reply_needed: boolean;
        };
        /**
         * @description * `in_app` - Given in the app
         *     * `verbal` - Verbal
         *     * `written` - Written
         * @enum {string}
         */
        MethodEnum: "in_app" | "verbal" | "written";
        /**
         * @description * `15` - 15
         *     * `30` - 30
         *     * `60` - 60
         * @enum {integer}
         */
        MinutesEnum: 15 | 30 | 60;
        PaginatedAlertList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Alert"][];
        };
        PaginatedApiTokenList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["ApiToken"][];
        };
        PaginatedAssignmentList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Assignment"][];
        };
        PaginatedCaseloadRowList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["CaseloadRow"][];
        };
        PaginatedExerciseSummaryList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["ExerciseSummary"][];
        };
        PaginatedHistoryRowList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["HistoryRow"][];
        };
        PaginatedInboxMessageList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["InboxMessage"][];
        };
        PaginatedInviteList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Invite"][];
        };
        PaginatedMessageList: {
            count: number;
            next: string | null;
            previous: string | null;
            results: components["schemas"]["MessageOut"][];
        };
        PaginatedProgramList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Program"][];
        };
        PaginatedResponseList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Response"][];
        };
        PaginatedRoutineList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Routine"][];
        };
        PaginatedScheduleList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Schedule"][];
        };
        PaginatedSessionList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Session"][];
        };
        PaginatedTimeEntryList: {
            count: number;
            next: string | null;
            previous: string | null;
            results: components["schemas"]["TimeEntry"][];
        };
        PaginatedTipList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Tip"][];
        };
        PainAlertToday: {
            session: string;
            /** Format: date-time */
            completed_at: string;
            advice: string;
            physio_told: boolean;
            clinic: components["schemas"]["ClinicContact"] | null;
        };
        PainRule: {
            rise_points: number;
            high_level: number;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        PasswordResetConfirmRequest: {
            uid: string;
            token: string;
            new_password: string;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        PasswordResetRequest: {
            /** Format: email */
            email: string;
        };
        /** @description The clinic's contact details, as its administrators set them (all optional). */
        PatchedClinicContactRequest: {
            phone?: string;
            email?: (string | unknown | unknown) | string;
            /** @description Opening hours, e.g. Mon-Fri 8:00-18:00 */
            hours?: string;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        PatchedMeRequest: {
            full_name?: string;
            timezone?: string;
            language?: components["schemas"]["LanguageEnum"];
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        PatchedProgramInRequest: {
            name?: string;
            notes?: string;
            routine?: string;
            items?: components["schemas"]["ProgramItemInRequest"][];
            phases?: components["schemas"]["PhaseRequest"][];
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        PatchedTimeEntryEditRequest: {
            category?: components["schemas"]["TimeCategoryEnum"];
            minutes?: number;
            /** Format: date */
            on_date?: string;
            note?: string;
        };
        Patient: {
            readonly id: number;
            readonly full_name: string;
            /** Format: email */
            readonly email: string;
            readonly timezone: string;
        };
        PatientDetail: {
            id: number;
        };
        PatientPrecautions: {
            codes: string[];
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        PatientPrecautionsInRequest: {
            codes: string[];
        };
        PersonRef: {
            id: number;
            full_name: string;
        };
        PersonalDataExport: {
            profile: {
                [key: string]: unknown;
            };
            care_team: {
                [key: string]: unknown;
            }[];
            invites_used: {
                [key: string]: unknown;
            }[];
            access_log: {
                [key: string]: unknown;
            }[];
            assignments: {
                [key: string]: unknown;
            }[];
            assignment_pauses: {
                [key: string]: unknown;
            }[];
            sessions: {
                [key: string]: unknown;
            }[];
            alerts: {
                [key: string]: unknown;
            }[];
            outcome_schedules: {
                [key: string]: unknown;
            }[];
            outcome_responses: {
                [key: string]: unknown;
            }[];
            safety_checks: {
                [key: string]: unknown;
            }[];
            precautions_marked: {
                [key: string]: unknown;
            }[];
            nudge_plan: {
                [key: string]: unknown;
            }[];
            nudges: {
                [key: string]: unknown;
            }[];
            breaks: {
                [key: string]: unknown;
            }[];
            break_prescriptions: {
                [key: string]: unknown;
            }[];
            busy_times: {
                [key: string]: unknown;
            }[];
            calendar_feed: {
                [key: string]: unknown;
            }[];
            inbox: {
                [key: string]: unknown;
            }[];
            push_subscriptions: {
                [key: string]: unknown;
            }[];
            reminders_sent: {
                [key: string]: unknown;
            }[];
            messages: {
                [key: string]: unknown;
            }[];
            monitoring_consents: {
                [key: string]: unknown;
            }[];
            monitoring_time: {
                [key: string]: unknown;
            }[];
            notification_choices: {
                [key: string]: unknown;
            }[];
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        Phase: {
            number: number;
            /** @default  */
            label: string;
            starts_week: number;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        PhaseRequest: {
            number: number;
            /** @default  */
            label: string;
            starts_week: number;
        };
        Plan: {
            enabled?: boolean;
            /** Format: int64 */
            interval_minutes?: number;
            work_days?: unknown;
            /** @example 18:00 */
            work_start: string;
            /** @example 18:00 */
            work_end: string;
            /** @example 18:00 */
            quiet_start: string | null;
            /** @example 18:00 */
            quiet_end: string | null;
            /** Format: date-time */
            paused_until?: string | null;
            reminders_enabled?: boolean;
            reminder_follow_up?: boolean;
            sit_stand_enabled?: boolean;
            /** Format: int64 */
            stand_minutes?: number;
            readonly timezone: string;
            /** Format: date-time */
            readonly next_due_at: string | null;
            /** Format: date-time */
            readonly busy_until: string | null;
        };
        /**
         * @description Fields of the plan to set; the ones left out keep their value. ``timezone`` (an
         *     IANA name) updates the patient's profile, which the plan's hours are read in.
         */
        PlanUpdateRequest: {
            enabled?: boolean;
            interval_minutes?: number;
            work_days?: number[];
            /** Format: time */
            work_start?: string;
            /** Format: time */
            work_end?: string;
            /** Format: time */
            quiet_start?: string | null;
            /** Format: time */
            quiet_end?: string | null;
            /** Format: date-time */
            paused_until?: string | null;
            reminders_enabled?: boolean;
            reminder_follow_up?: boolean;
            sit_stand_enabled?: boolean;
            stand_minutes?: number;
            timezone?: string;
        };
        Pose: {
            key: string;
            label: string;
            view: components["schemas"]["ViewEnum"];
            svg_url: string;
            points: {
                [key: string]: number[];
            };
            bones: string[][];
            view_box: number[];
            /** Format: double */
            width: number;
            /** Format: double */
            height: number;
            shapes: {
                [key: string]: unknown;
            }[];
        };
        /**
         * @description * `standing` - Standing
         *     * `seated` - Seated
         *     * `floor` - Floor
         *     * `desk` - Desk
         * @enum {string}
         */
        PositionEnum: "standing" | "seated" | "floor" | "desk";
        Precaution: {
            code: string;
            label: string;
            detail: string;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        Prefs: {
            email_alerts: boolean;
            email_digest: boolean;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        PrefsRequest: {
            email_alerts: boolean;
            email_digest: boolean;
        };
        Prescription: {
            items: components["schemas"]["BreakItem"][];
            excluded: string[];
            readonly candidates: components["schemas"]["Candidate"][];
            readonly effective: components["schemas"]["EffectiveItem"][];
        };
        /** @description The physio's choice; ``candidates`` and ``effective`` (read-only) may be sent back. */
        PrescriptionInRequest: {
            items: components["schemas"]["BreakItemRequest"][];
            excluded?: string[];
        };
        Preview: {
            timezone: string;
            nudges: components["schemas"]["PreviewSlot"][];
        };
        PreviewSlot: {
            readonly at: string;
            readonly local: string;
            nudge_kind: string | null;
            suggestion: components["schemas"]["Suggestion"] | null;
            held: components["schemas"]["Held"] | null;
        };
        Program: {
            readonly id: number;
            readonly name: string;
            readonly notes: string;
            readonly version: number;
            readonly phases: components["schemas"]["Phase"][];
            readonly items: components["schemas"]["ProgramItem"][];
            /** Format: date-time */
            readonly created_at: string;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        ProgramInRequest: {
            name: string;
            notes?: string;
            routine?: string;
            items?: components["schemas"]["ProgramItemInRequest"][];
            phases?: components["schemas"]["PhaseRequest"][];
        };
        ProgramItem: {
            readonly id: number;
            readonly position: number;
            readonly phase: number;
            readonly exercise: components["schemas"]["ExerciseSummary"];
            readonly sets: number;
            readonly reps: number | null;
            readonly hold_seconds: number | null;
            readonly rest_seconds: number;
            readonly per_side: boolean;
            readonly tempo: string;
            readonly notes: string;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        ProgramItemInRequest: {
            exercise: string;
            sets: number;
            reps?: number | null;
            hold_seconds?: number | null;
            /** @default 30 */
            rest_seconds: number;
            /** @default false */
            per_side: boolean;
            /** @default  */
            tempo: string;
            /** @default  */
            notes: string;
            /** @default 1 */
            phase: number;
        };
        ProgramRef: {
            readonly id: number;
            readonly name: string;
            readonly version: number;
        };
        Progress: {
            /** Format: double */
            adherence_overall: number | null;
            streak: number;
            weeks: {
                [key: string]: unknown;
            }[];
            pain: {
                [key: string]: unknown;
            }[];
            difficulty: {
                [key: string]: unknown;
            }[];
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        PsfsActivities: {
            activities: string[];
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        PsfsActivitiesRequest: {
            activities: string[];
        };
        PushKey: {
            public_key: string;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        PushKeysRequest: {
            p256dh: string;
            auth: string;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        PushSubscribeRequest: {
            /** Format: uri */
            endpoint: string;
            keys: components["schemas"]["PushKeysRequest"];
            expirationTime?: number | null;
        };
        /**
         * @description * `calendar` - calendar
         *     * `busy` - busy
         *     * `session` - session
         *     * `walk` - walk
         * @enum {string}
         */
        ReasonEnum: "calendar" | "busy" | "session" | "walk";
        RecoveryCodes: {
            recovery_codes: string[];
        };
        RedFlag: {
            code: string;
            action: string;
            label: string;
            question: string;
            advice: string;
        };
        /**
         * @description * `self` - self
         *     * `next` - next
         * @enum {string}
         */
        RelationEnum: "self" | "next";
        Response: {
            readonly id: number;
            patient: number;
            measure: string;
            schedule?: number | null;
            answers: unknown;
            /** Format: double */
            score: number;
            /** Format: date-time */
            answered_at?: string;
            /** Format: date */
            local_date: string;
            readonly change: components["schemas"]["Change"] | null;
            readonly answered_items: number;
            readonly total_items: number;
            readonly activities: unknown;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        ResponseInRequest: {
            measure: components["schemas"]["MeasureEnum"];
            answers: unknown[];
            schedule?: number | null;
            activities?: string[];
        };
        /**
         * @description * `patient` - Patient
         *     * `physio` - Physiotherapist
         *     * `clinic_admin` - Clinic administrator
         * @enum {string}
         */
        RoleEnum: "patient" | "physio" | "clinic_admin";
        /**
         * @description Texts in the caller's language, else English. ``language`` names the language the
         *     texts are in and ``translation_fallback`` is true when that is not the one asked for,
         *     so the builder can mark an entry a patient would get in English.
         */
        Routine: {
            readonly slug: string;
            readonly name: string;
            readonly goal: string;
            readonly description: string;
            readonly duration_minutes: number;
            readonly weeks: number | null;
            readonly items: components["schemas"]["RoutineItem"][];
            readonly language: string;
            readonly translation_fallback: boolean;
        };
        RoutineItem: {
            readonly exercise: components["schemas"]["ExerciseRef"];
            readonly sets: number;
            readonly reps: number | null;
            readonly hold_seconds: number | null;
            readonly rest_seconds: number;
            readonly per_side: boolean;
        };
        Safety: {
            alert: boolean;
            advice: string | null;
        };
        /**
         * @description The pain rule's thresholds and advice, and the red flags, as the server applies them
         *     (the PWA applies the same offline).
         */
        SafetyDocument: {
            language: string;
            pain_rule: components["schemas"]["PainRule"];
            advice: {
                [key: string]: string;
            };
            actions: {
                [key: string]: string;
            };
            red_flags: components["schemas"]["RedFlag"][];
        };
        Schedule: {
            readonly id: number;
            patient: number;
            measure: string;
            /** Format: int64 */
            every_weeks?: number | null;
            /** Format: date */
            start_date: string;
            active?: boolean;
            /** Format: date-time */
            created_at?: string;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        ScheduleInRequest: {
            patient: number;
            measure: components["schemas"]["MeasureEnum"];
            every_weeks: number | null;
            /** Format: date */
            start_date?: string;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        ScreeningInRequest: {
            answers: unknown;
        };
        ScreeningRequest: {
            due: boolean;
        };
        ScreeningState: {
            due: boolean;
            blocked: boolean;
            flagged: string[];
            /** Format: date-time */
            answered_at: string | null;
            advice: {
                [key: string]: unknown;
            }[];
        };
        Session: {
            /** Format: uuid */
            readonly id: string;
            readonly assignment: number;
            readonly program_version: number;
            /** Format: date-time */
            readonly started_at: string;
            /** Format: date-time */
            readonly completed_at: string;
            /** Format: date */
            readonly local_date: string;
            readonly pain_before: number;
            readonly pain_after: number;
            readonly difficulty: components["schemas"]["DifficultyEnum"];
            readonly notes: string;
            readonly items: components["schemas"]["SessionItem"][];
            readonly safety: components["schemas"]["Safety"];
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        SessionInRequest: {
            /** Format: uuid */
            id: string;
            assignment: number;
            /** Format: date-time */
            started_at: string;
            /** Format: date-time */
            completed_at: string;
            pain_before: number;
            pain_after: number;
            difficulty: components["schemas"]["DifficultyEnum"];
            items?: components["schemas"]["SessionItemInRequest"][];
            /** @default  */
            notes: string;
        };
        SessionItem: {
            readonly position: number;
            readonly exercise: string;
            readonly sets_done: number;
            readonly reps_done: number | null;
            readonly hold_seconds_done: number | null;
            readonly skipped: boolean;
            readonly skip_reason: string;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        SessionItemInRequest: {
            exercise: string;
            /** @default 0 */
            sets_done: number;
            reps_done?: number | null;
            hold_seconds_done?: number | null;
            /** @default false */
            skipped: boolean;
            /** @default  */
            skip_reason: string;
        };
        /**
         * @description * `library` - library
         *     * `program` - program
         * @enum {string}
         */
        SourceEnum: "library" | "program";
        StatsDay: {
            /** Format: date */
            date: string;
            offered: number;
            taken: number;
        };
        StatsExercise: {
            slug: string;
            name: string;
            count: number;
        };
        StatsSitting: {
            /** Format: date */
            date: string;
            minutes: number;
        };
        StatsWeek: {
            /** Format: date */
            week_start: string;
            offered: number;
            taken: number;
        };
        Suggestion: {
            exercise: string;
            name: string;
            sets: number | null;
            reps: number | null;
            hold_seconds: number | null;
        };
        Summary: {
            /** Format: date */
            date: string;
            sent: number;
            acknowledged: number;
            breaks: number;
            longest_stretch_minutes: number;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        ThreadReadInRequest: {
            patient?: number;
        };
        /**
         * @description * `review` - Reviewing data
         *     * `program` - Editing the program
         *     * `messaging` - Messaging
         *     * `call` - A call
         * @enum {string}
         */
        TimeCategoryEnum: "review" | "program" | "messaging" | "call";
        TimeEntry: {
            readonly id: number;
            patient: number;
            physio?: number | null;
            category: components["schemas"]["TimeCategoryEnum"];
            /** Format: int64 */
            minutes?: number | null;
            /** Format: date */
            on_date: string;
            note?: string;
            /** Format: date-time */
            timer_started_at?: string | null;
            /** Format: date-time */
            timer_stopped_at?: string | null;
            readonly running: boolean;
            /** Format: date-time */
            created_at?: string;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        TimeEntryInRequest: {
            patient: number;
            category: components["schemas"]["TimeCategoryEnum"];
            minutes: number;
            /** Format: date */
            on_date?: string;
            note?: string;
        };
        /**
         * @description Unknown keys in a request body are a client bug: say so instead of ignoring them.
         *
         *     A key the API itself hands out is not unknown, though: a client may send back the body
         *     it got from GET ("PUT what you GOT"). The keys of this serializer's read-only fields and
         *     of ``echoes`` (the serializer the same resource is rendered with, when input and output
         *     are separate classes) are accepted and ignored; anything else is refused.
         */
        TimerStartRequest: {
            patient: number;
            category: components["schemas"]["TimeCategoryEnum"];
        };
        /**
         * @description Texts in the caller's language, else English. ``language`` names the language the
         *     texts are in and ``translation_fallback`` is true when that is not the one asked for,
         *     so the builder can mark an entry a patient would get in English.
         */
        Tip: {
            readonly slug: string;
            readonly topic: components["schemas"]["TopicEnum"];
            readonly title: string;
            readonly text: string;
            readonly nudge: string;
            readonly language: string;
            readonly translation_fallback: boolean;
        };
        /** @description Everything due today in the patient's time zone, in one response. */
        Today: {
            /** Format: date */
            date: string;
            timezone: string;
            assignments: components["schemas"]["TodayAssignment"][];
            progress: components["schemas"]["TodayProgress"];
            safety: components["schemas"]["SafetyDocument"];
            screening: components["schemas"]["TodayScreening"];
            pain_alert: components["schemas"]["PainAlertToday"] | null;
        };
        /**
         * @description An active assignment on the patient's day: due today, done today, the items of its
         *     current phase.
         */
        TodayAssignment: {
            id: number;
            program_name: string;
            program_version: number;
            notes: string;
            program_notes: string;
            /** @example 18:00 */
            preferred_time: string | null;
            due: boolean;
            done: boolean;
            phase: number;
            items: components["schemas"]["TodayItem"][];
            sessions_today: components["schemas"]["TodaySession"][];
        };
        /**
         * @description A program item with the full exercise (steps, cues, safety notes) for the player;
         *     the exercise payloads come prebuilt in the context (exercises.payloads).
         */
        TodayItem: {
            readonly id: number;
            readonly position: number;
            readonly phase: number;
            readonly exercise: components["schemas"]["Exercise"];
            readonly sets: number;
            readonly reps: number | null;
            readonly hold_seconds: number | null;
            readonly rest_seconds: number;
            readonly per_side: boolean;
            readonly tempo: string;
            readonly notes: string;
        };
        TodayProgress: {
            streak: number;
            /** Format: double */
            adherence_7d: number | null;
        };
        /**
         * @description ``screening.screening_state``: ``due``, the check must be answered before a session;
         *     ``blocked``, the last answers had a "yes".
         */
        TodayScreening: {
            due: boolean;
            blocked: boolean;
            flagged: string[];
            /** Format: date-time */
            answered_at: string | null;
        };
        TodaySession: {
            id: string;
            /** Format: date-time */
            completed_at: string;
        };
        Token: {
            readonly token: string;
            /** Format: date-time */
            readonly expires_at: string;
        };
        /**
         * @description * `sitting-posture` - Sitting posture
         *     * `desk-setup` - Desk setup
         *     * `lifting` - Lifting
         *     * `lying-sleeping` - Lying sleeping
         *     * `body-weight` - Body weight
         *     * `breaks` - Breaks
         *     * `heat-cold` - Heat cold
         *     * `pain-education` - Pain education
         *     * `pain-relief` - Pain relief
         *     * `treatment-options` - Treatment options
         *     * `flare-up` - Flare up
         *     * `walking` - Walking
         * @enum {string}
         */
        TopicEnum: "sitting-posture" | "desk-setup" | "lifting" | "lying-sleeping" | "body-weight" | "breaks" | "heat-cold" | "pain-education" | "pain-relief" | "treatment-options" | "flare-up" | "walking";
        TwoFactorSetup: {
            otpauth_url: string;
            secret: string;
            qr_svg: string;
        };
        TwoFactorStatus: {
            readonly enrolled: boolean;
            readonly required_by_clinic: boolean;
            readonly recovery_codes_left: number;
        };
        /**
         * @description * `collection` - collection
         * @enum {string}
         */
        TypeEnum: "collection";
        UnreadCounts: {
            total: number;
            patients: {
                [key: string]: number;
            };
        };
        /**
         * @description * `end_of_day` - end_of_day
         * @enum {string}
         */
        UntilEnum: "end_of_day";
        /**
         * @description * `side` - side
         *     * `front` - front
         *     * `top` - top
         * @enum {string}
         */
        ViewEnum: "side" | "front" | "top";
        _Person: {
            id: number;
            full_name: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    alerts_list: {
        parameters: {
            query?: {
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                patient?: number;
                status?: "acknowledged" | "all" | "new" | "open" | "resolved";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedAlertList"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    alerts_acknowledge_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["AlertReviewRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Alert"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    alerts_resolve_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["AlertReviewRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Alert"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    assignments_list: {
        parameters: {
            query?: {
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedAssignmentList"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    assignments_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignmentInRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assignment"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    assignments_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unique integer value identifying this assignment. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assignment"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    assignments_breaks_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Prescription"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    assignments_breaks_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PrescriptionInRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Prescription"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    assignments_calendar_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarFeedUrl"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    assignments_calendar_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    assignments_end_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unique integer value identifying this assignment. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assignment"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    assignments_handout_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    assignments_pause_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unique integer value identifying this assignment. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assignment"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    assignments_resume_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unique integer value identifying this assignment. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Assignment"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    auth_csrf_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Csrf"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    auth_login_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CredentialsRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description CSRF check failed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Too many requests or attempts; wait and try again. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    auth_logout_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    auth_password_reset_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetRequest"];
            };
        };
        responses: {
            /** @description No response body */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Too many requests or attempts; wait and try again. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    auth_password_reset_confirm_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetConfirmRequest"];
            };
        };
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Too many requests or attempts; wait and try again. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    auth_token_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CredentialsRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Token"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Too many requests or attempts; wait and try again. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    calendar_feed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Unknown or revoked feed. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Too many requests or attempts; wait and try again. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    clinic_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Clinic"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    clinic_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedClinicContactRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Clinic"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    consents_list: {
        parameters: {
            query?: {
                patient?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Consent"][];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    consents_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ConsentInRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Consent"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    consents_revoke_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                consent_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Consent"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    exercises_list: {
        parameters: {
            query?: {
                /**
                 * @description * `core` - core
                 *     * `posture` - posture
                 *     * `mobility` - mobility
                 *     * `micro-break` - micro-break
                 */
                category?: "core" | "posture" | "mobility" | "micro-break";
                desk_friendly?: boolean | null;
                difficulty?: number;
                /**
                 * @description * `mat` - mat
                 *     * `chair` - chair
                 *     * `wall` - wall
                 *     * `towel` - towel
                 *     * `band` - band
                 *     * `pillow` - pillow
                 *     * `table` - table
                 *     * `broomstick` - broomstick
                 */
                equipment?: "mat" | "chair" | "wall" | "towel" | "band" | "pillow" | "table" | "broomstick";
                page?: number;
                page_size?: number;
                /**
                 * @description * `standing` - standing
                 *     * `seated` - seated
                 *     * `floor` - floor
                 *     * `desk` - desk
                 */
                position?: "standing" | "seated" | "floor" | "desk";
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedExerciseSummaryList"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    exercises_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClinicExerciseInRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Exercise"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    exercises_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Exercise"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    exercises_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    "exercises_poses_.svg_retrieve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    health_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    inbox_list: {
        parameters: {
            query?: {
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedInboxMessageList"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    inbox_read_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxMessage"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    invites_list: {
        parameters: {
            query?: {
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedInviteList"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    invites_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["InviteCreateRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invite"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    invites_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitePublic"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Too many requests or attempts; wait and try again. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    invites_accept_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteAcceptRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Too many requests or attempts; wait and try again. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    "invites_qr.svg_retrieve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    me_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    me_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The password is missing or not right. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description A clinician who still owns clinic records. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Too many attempts (the sign-in throttle). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    me_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedMeRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    me_export_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonalDataExport"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    me_fhir_retrieve: {
        parameters: {
            query?: {
                /** @description Entries per page (default 1000, at most 10000). */
                _count?: number;
                /** @description Page number, from 1; follow Bundle.link next. */
                _page?: number;
                /** @description Only resources changed at or after this instant (with a zone), e.g. 2026-11-24T08:00:00Z. */
                _since?: string;
                /** @description Comma-separated resource types, from Patient, Organization, Practitioner, CarePlan, ServiceRequest, Procedure, Observation, Questionnaire, QuestionnaireResponse. */
                _type?: string;
                format?: "fhir" | "json";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A FHIR R4 Bundle of type collection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirBundle"];
                };
            };
            /** @description A bad query parameter, named with its message. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                    "application/fhir+json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                    "application/fhir+json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                    "application/fhir+json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    me_tokens_list: {
        parameters: {
            query?: {
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedApiTokenList"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    me_tokens_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    me_two_factor_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwoFactorStatus"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    me_two_factor_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Wrong password. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Too many attempts (the sign-in throttle). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    me_two_factor_confirm_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CodeRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodes"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Too many attempts (the sign-in throttle). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    me_two_factor_recovery_codes_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CodeRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodes"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Too many attempts (the sign-in throttle). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    me_two_factor_setup_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwoFactorSetup"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    messages_retrieve: {
        parameters: {
            query?: {
                /** @description staff: whose thread */
                patient?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedMessageList"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    messages_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageInRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageOut"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageOut"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Conflicts with what is stored. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    messages_no_reply_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                message_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageOut"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    messages_read_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ThreadReadInRequest"];
            };
        };
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    messages_unread_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCounts"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    messaging_clinic_settings_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClinicSettings"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    messaging_clinic_settings_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClinicSettingsRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClinicSettings"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    messaging_prefs_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Prefs"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    messaging_prefs_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PrefsRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Prefs"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    nudges_ack_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AckRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AckResult"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    nudges_breaks_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreakPool"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    nudges_breaks_stats_retrieve: {
        parameters: {
            query?: {
                /** @description 1-26 (default 4) */
                weeks?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreakStats"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    nudges_busy_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["BusyInRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BusyOut"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    nudges_busy_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    nudges_calendar_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Calendar"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    nudges_calendar_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CalendarInRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Calendar"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    nudges_calendar_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    nudges_plan_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    nudges_plan_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PlanUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    nudges_plan_preview_retrieve: {
        parameters: {
            query?: {
                /** @description 1-100 (default 10) */
                count?: number;
                /** @description ISO 8601 instant (default: now) */
                from?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preview"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    nudges_summary_retrieve: {
        parameters: {
            query?: {
                /** @description YYYY-MM-DD (default: today) */
                date?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Summary"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    nudges_walk_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    outcomes_due_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Due"][];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    outcomes_measures_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Measure"][];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    outcomes_psfs_activities_retrieve: {
        parameters: {
            query?: {
                patient?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PsfsActivities"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    outcomes_psfs_activities_update: {
        parameters: {
            query?: {
                patient?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PsfsActivitiesRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PsfsActivities"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    outcomes_responses_list: {
        parameters: {
            query?: {
                measure?: "adherence_self_report" | "nprs" | "odi" | "psfs" | "rmdq";
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                patient?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedResponseList"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    outcomes_responses_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResponseInRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Response"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    outcomes_schedules_list: {
        parameters: {
            query?: {
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                patient?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedScheduleList"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    outcomes_schedules_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleInRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Schedule"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    patients_list: {
        parameters: {
            query?: {
                ordering?: "-adherence_7d" | "-last_session_at" | "-open_alerts" | "adherence_7d" | "name";
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description name or e-mail */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedCaseloadRowList"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    patients_fhir_retrieve: {
        parameters: {
            query?: {
                /** @description Entries per page (default 1000, at most 10000). */
                _count?: number;
                /** @description Page number, from 1; follow Bundle.link next. */
                _page?: number;
                /** @description Only resources changed at or after this instant (with a zone), e.g. 2026-11-24T08:00:00Z. */
                _since?: string;
                /** @description Comma-separated resource types, from Patient, Organization, Practitioner, CarePlan, ServiceRequest, Procedure, Observation, Questionnaire, QuestionnaireResponse. */
                _type?: string;
                format?: "fhir" | "json";
            };
            header?: never;
            path: {
                patient_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A FHIR R4 Bundle of type collection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirBundle"];
                };
            };
            /** @description A bad query parameter, named with its message. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                    "application/fhir+json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                    "application/fhir+json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                    "application/fhir+json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such patient. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                    "application/fhir+json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    patients_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unique integer value identifying this user. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatientDetail"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    patients_breaks_stats_retrieve: {
        parameters: {
            query?: {
                /** @description 1-26 (default 4) */
                weeks?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BreakStats"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    patients_physios_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unique integer value identifying this user. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CareLinkCreateRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patient"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    patients_precautions_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unique integer value identifying this user. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatientPrecautions"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    patients_precautions_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unique integer value identifying this user. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatientPrecautionsInRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatientPrecautions"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    patients_screening_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unique integer value identifying this user. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScreeningRequest"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    patients_sessions_list: {
        parameters: {
            query?: {
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path: {
                /** @description A unique integer value identifying this user. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedSessionList"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    programs_list: {
        parameters: {
            query?: {
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedProgramList"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    programs_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProgramInRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Program"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    programs_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unique integer value identifying this program. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Program"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    programs_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unique integer value identifying this program. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProgramInRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Program"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    programs_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A unique integer value identifying this program. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedProgramInRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Program"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    progress_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Progress"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    progress_history_list: {
        parameters: {
            query?: {
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedHistoryRowList"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    push_key_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushKey"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    push_subscriptions_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PushSubscribeRequest"];
            };
        };
        responses: {
            /** @description No response body */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    push_subscriptions_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    "reports_clinic.csv_retrieve": {
        parameters: {
            query: {
                /** @description YYYY-MM */
                month: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    reports_monthly_retrieve: {
        parameters: {
            query: {
                /** @description YYYY-MM */
                month: string;
                patient?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    "reports_monthly.pdf_retrieve": {
        parameters: {
            query: {
                /** @description YYYY-MM */
                month: string;
                patient?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    routines_list: {
        parameters: {
            query?: {
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedRoutineList"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    routines_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClinicRoutineInRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Routine"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    routines_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Routine"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    routines_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    safety_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SafetyDocument"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    screening_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScreeningState"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    screening_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScreeningInRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScreeningState"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    sessions_list: {
        parameters: {
            query?: {
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedSessionList"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    sessions_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionInRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Conflicts with what is stored. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    sessions_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this session. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    time_entries_retrieve: {
        parameters: {
            query?: {
                patient?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedTimeEntryList"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    time_entries_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TimeEntryInRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeEntry"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    time_entries_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entry_id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedTimeEntryEditRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeEntry"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    time_entries_history_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entry_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    time_entries_stop_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entry_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeEntry"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    time_entries_timer_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TimerStartRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeEntry"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request body is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    tips_list: {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
                /**
                 * @description * `sitting-posture` - sitting-posture
                 *     * `desk-setup` - desk-setup
                 *     * `lifting` - lifting
                 *     * `lying-sleeping` - lying-sleeping
                 *     * `body-weight` - body-weight
                 *     * `breaks` - breaks
                 *     * `heat-cold` - heat-cold
                 *     * `pain-education` - pain-education
                 *     * `pain-relief` - pain-relief
                 *     * `treatment-options` - treatment-options
                 *     * `flare-up` - flare-up
                 *     * `walking` - walking
                 */
                topic?: "sitting-posture" | "desk-setup" | "lifting" | "lying-sleeping" | "body-weight" | "breaks" | "heat-cold" | "pain-education" | "pain-relief" | "treatment-options" | "flare-up" | "walking";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedTipList"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    tips_retrieve: {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
                /**
                 * @description * `sitting-posture` - sitting-posture
                 *     * `desk-setup` - desk-setup
                 *     * `lifting` - lifting
                 *     * `lying-sleeping` - lying-sleeping
                 *     * `body-weight` - body-weight
                 *     * `breaks` - breaks
                 *     * `heat-cold` - heat-cold
                 *     * `pain-education` - pain-education
                 *     * `pain-relief` - pain-relief
                 *     * `treatment-options` - treatment-options
                 *     * `flare-up` - flare-up
                 *     * `walking` - walking
                 */
                topic?: "sitting-posture" | "desk-setup" | "lifting" | "lying-sleeping" | "body-weight" | "breaks" | "heat-cold" | "pain-education" | "pain-relief" | "treatment-options" | "flare-up" | "walking";
            };
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tip"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such object, or it belongs to another user or clinic. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    today_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Today"];
                };
            };
            /** @description Bad input: field messages, or a malformed request (a NUL byte in the path, query or body; JSON nested too deeply; unknown fields). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not signed in, or the token expired or was revoked (with WWW-Authenticate). */
            401: {
                headers: {
                    /** @description Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Signed in but not allowed here (role, clinic, two-factor required, or CSRF). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail?: string | string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
}
