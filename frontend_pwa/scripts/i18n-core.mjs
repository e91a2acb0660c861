// Finds translatable messages and hard-coded user-facing text in src/ with the TypeScript
// compiler's parser. Used by scripts/i18n.mjs (extract, lint, check) and by the Vite plugin
// that compiles the catalogues (vite.config.ts). No hand-kept list of strings: the rules below
// look at the syntax.
import ts from 'typescript';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Calls whose first argument is a message (English source text = the message id). */
export const MESSAGE_CALLS = new Set(['t', 'msg']);
/** JSX attributes and object properties whose string values are read or heard by people. */
export const USER_ATTRS = new Set([
  'aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder',
  'title', 'placeholder', 'alt', 'label', 'hint', 'help', 'legend', 'confirm', 'empty', 'emptyText',
  'message', 'text', 'body', 'heading', 'subtitle', 'description', 'caption', 'summary', 'more', 'cta',
  'actionLabel', 'error', 'note', 'detail', 'lead', 'lowLabel', 'highLabel',
]);
/** Attributes never shown to people (class names, routes, ids, types…). */
const TECHNICAL_ATTRS = /^(class|className|id|href|to|type|name|role|key|for|htmlFor|src|d|viewBox|fill|stroke|style|autocomplete|autoComplete|inputMode|inputmode|pattern|method|action|rel|target|lang|dir|accept|value|step|min|max|variant|tone|kind|icon|size|path|mode|data-.*|aria-(live|hidden|current|expanded|controls|describedby|labelledby|haspopup|pressed|selected|invalid|busy|modal|atomic|relevant|checked|disabled|required|orientation|sort|level|valuenow|valuemin|valuemax|owns))$/;
const LETTER = /\p{L}/u;
/** Prose: a capitalised word followed by more words, or any words ending a sentence. */
const PROSE = /^[\s"'“‘(¿¡]*\p{Lu}[\p{Ll}’']*[,:;]?\s+\S|\p{L}{2,}\s+\p{L}.*[.?!…]\s*$|^\p{L}[\p{L}’']*( [\p{L}’']+)+$/u;
const IGNORE = 'i18n-ignore';

export function walkSources(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'locales') out.push(...walkSources(p));
    } else if (/\.(ts|tsx)$/.test(name) && !/\.(test|d)\.tsx?$/.test(name)) out.push(p);
  }
  return out.sort();
}

function parse(file) {
  const text = readFileSync(file, 'utf8');
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
}

function literalText(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return null;
}

function calleeName(call) {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  return null;
}

function attrName(a) {
  return a.name.getText();
}

/** Messages in one file: [{ id, line }] plus problems with message calls. */
export function extractFile(file) {
  const sf = parse(file);
  const found = [];
  const problems = [];
  const line = (n) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const visit = (node) => {
    if (ts.isCallExpression(node) && MESSAGE_CALLS.has(calleeName(node)) && node.arguments.length) {
      const id = literalText(node.arguments[0]);
      if (id != null) found.push({ id, line: line(node) });
      else if (ts.isTemplateExpression(node.arguments[0])) problems.push({ line: line(node), text: node.arguments[0].getText(sf), why: 'a message must be a plain string: use {placeholders} and pass values' });
    }
    if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && node.tagName.getText(sf) === 'Trans') {
      for (const a of node.attributes.properties) {
        if (ts.isJsxAttribute(a) && attrName(a) === 'id' && a.initializer && ts.isStringLiteral(a.initializer)) found.push({ id: a.initializer.text, line: line(a) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { found, problems };
}

function insideMessageCall(node) {
  for (let p = node.parent; p; p = p.parent) {
    if (ts.isCallExpression(p) && MESSAGE_CALLS.has(calleeName(p)) && p.arguments[0] && (p.arguments[0] === node || isAncestor(p.arguments[0], node))) return true;
    if (ts.isJsxAttribute(p) && attrName(p) === 'id' && ts.isJsxAttributes(p.parent) && p.parent.parent.tagName?.getText() === 'Trans') return true;
  }
  return false;
}

function isAncestor(a, node) {
  for (let p = node; p; p = p.parent) if (p === a) return true;
  return false;
}

/** Why a string literal is not user-facing, or null when it may be. */
function technicalContext(node) {
  const p = node.parent;
  if (!p) return 'root';
  if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isImportTypeNode?.(p) || ts.isExternalModuleReference(p)) return 'import';
  if (ts.isLiteralTypeNode(p)) return 'type';
  if ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isGetAccessor(p)) && p.name === node) return 'key';
  if (ts.isElementAccessExpression(p) && p.argumentExpression === node) return 'key';
  if (ts.isCaseClause(p)) return 'case';
  if (ts.isBinaryExpression(p) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(p.operatorToken.kind)) return 'compare';
  for (let q = p; q; q = q.parent) {
    if (ts.isJsxAttribute(q)) return USER_ATTRS.has(attrName(q)) ? null : TECHNICAL_ATTRS.test(attrName(q)) ? 'attr' : null;
    if (ts.isCallExpression(q) || ts.isNewExpression(q)) {
      const c = q.expression.getText();
      if (/^console\.|^(new )?Error$|^(query)?[Ss]electors?|^document\.|^localStorage|^sessionStorage|^(api|fetch|navigate|speak)\b/.test(c) && !/^speak/.test(c)) return 'call';
      if (ts.isNewExpression(q) && /Error$/.test(c)) return 'error';
      break;
    }
    if (ts.isStatement(q) || ts.isJsxElement(q)) break;
  }
  return null;
}

/** Hard-coded user-facing text in one file: [{ line, text, why }]. */
export function lintFile(file) {
  const sf = parse(file);
  const lines = sf.text.split('\n');
  const out = [];
  const at = (node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const ignored = (n) => {
    const l = at(n);
    return lines[l - 1]?.includes(IGNORE) || lines[l - 2]?.includes(IGNORE + '-next-line');
  };
  const report = (node, text, why) => {
    if (!ignored(node)) out.push({ line: at(node), text: text.trim().replace(/\s+/g, ' '), why });
  };
  const visit = (node) => {
    if (ts.isJsxText(node)) {
      if (LETTER.test(node.text)) report(node, node.text, 'JSX text');
    } else if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const name = attrName(node);
      if (USER_ATTRS.has(name) && LETTER.test(node.initializer.text)) report(node, node.initializer.text, `${name}="…"`);
      else if (!TECHNICAL_ATTRS.test(name) && PROSE.test(node.initializer.text)) report(node, node.initializer.text, `${name}="…"`);
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !ts.isJsxAttribute(node.parent)) {
      if (!insideMessageCall(node) && LETTER.test(node.text) && !technicalContext(node)) {
        const p = node.parent;
        const prop = ts.isPropertyAssignment(p) && p.initializer === node ? p.name.getText().replace(/['"]/g, '') : null;
        const inJsx = (() => {
          for (let q = p; q; q = q.parent) {
            if (ts.isJsxExpression(q)) return ts.isJsxElement(q.parent) || ts.isJsxFragment(q.parent) || (ts.isJsxAttribute(q.parent) && USER_ATTRS.has(attrName(q.parent)));
            if (ts.isStatement(q) || ts.isCallExpression(q)) return false;
          }
          return false;
        })();
        if (inJsx) report(node, node.text, 'string shown in JSX');
        else if (prop && USER_ATTRS.has(prop)) report(node, node.text, `${prop}: '…'`);
        else if (PROSE.test(node.text)) report(node, node.text, 'English sentence');
      }
    } else if (ts.isTemplateExpression(node) && !insideMessageCall(node) && !technicalContext(node)) {
      const text = [node.head.text, ...node.templateSpans.map((s) => '{…}' + s.literal.text)].join('');
      if (PROSE.test(text) || /\p{L}{2,}\s+\p{L}{2,}/u.test(text.replace(/\{…\}/g, ''))) report(node, text, 'English sentence in a template');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

export function rel(root, file) {
  return relative(root, file);
}
