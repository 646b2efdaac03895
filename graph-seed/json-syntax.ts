/**
 * Finds where and why a JSON text is invalid. `JSON.parse` reports a position only for some
 * errors and words them differently across Node versions, so after it fails this scanner
 * walks the text once more (iteratively: deep nesting cannot overflow the stack) and names
 * the first problem in terms an editor of seed files understands.
 */

export interface JsonSyntaxError {
  /** Offset in UTF-16 code units, as `String.prototype` counts. */
  offset: number;
  message: string;
}

export interface LineColumn {
  line: number;
  column: number;
}

/** 1-based line and column of an offset (column counted in characters). */
export function lineColumn(text: string, offset: number): LineColumn {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

function describe(text: string, i: number): string {
  if (i >= text.length) return 'end of file';
  const ch = text[i]!;
  if (ch === '\n' || ch === '\r') return 'end of line';
  const code = ch.charCodeAt(0);
  if (code < 0x20) return `control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
  const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(i, i + 40));
  if (word) return `'${word[0]}'`;
  return `'${ch}'`;
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

type State = 'value' | 'valueOrClose' | 'keyOrClose' | 'key' | 'colon' | 'after' | 'end';

/** The first syntax error of `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: Array<'{' | '['> = [];
  let state: State = 'value';
  let i = 0;
  const n = text.length;
  const fail = (offset: number, message: string): JsonSyntaxError => ({ offset, message });

  while (true) {
    while (i < n && WS.has(text[i]!)) i++;
    if (i >= n) {
      if (state === 'end') return undefined;
      if (stack.length === 0 && state === 'value') return fail(i, 'the file is empty or holds only whitespace');
      const open = stack.length;
      return fail(i, `unexpected end of file with ${open} unclosed ${open === 1 ? 'bracket' : 'brackets'} (is the file truncated?)`);
    }
    const ch = text[i]!;
    if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return fail(i, 'comments are not allowed in JSON');

    switch (state) {
      case 'end':
        return fail(i, `unexpected ${describe(text, i)} after the end of the JSON value`);
      case 'colon':
        if (ch !== ':') return fail(i, `expected ':' after a property name, found ${describe(text, i)}`);
        i++;
        state = 'value';
        continue;
      case 'after': {
        const top = stack[stack.length - 1];
        if (top === undefined) {
          state = 'end';
          continue;
        }
        if (ch === ',') {
          i++;
          state = top === '{' ? 'key' : 'value';
          // Remember that a comma came, to call out trailing commas precisely.
          const j = skipWs(text, i);
          const close = top === '{' ? '}' : ']';
          if (text[j] === close) return fail(i - 1, `trailing comma before '${close}'`);
          continue;
        }
        if ((top === '{' && ch === '}') || (top === '[' && ch === ']')) {
          stack.pop();
          i++;
          state = 'after';
          continue;
        }
        return fail(
          i,
          top === '{'
            ? `expected ',' or '}' after a property value, found ${describe(text, i)} (missing comma?)`
            : `expected ',' or ']' after an array element, found ${describe(text, i)} (missing comma?)`,
        );
      }
      case 'keyOrClose':
      case 'key':
        if (ch === '}' && state === 'keyOrClose') {
          stack.pop();
          i++;
          state = 'after';
          continue;
        }
        if (ch !== '"') {
          return fail(
            i,
            ch === "'"
              ? 'property names must use double quotes'
              : `expected a double-quoted property name, found ${describe(text, i)}`,
          );
        } else {
          const err = scanString(text, i);
          if (typeof err !== 'number') return err;
          i = err;
          state = 'colon';
          continue;
        }
      case 'valueOrClose':
      case 'value': {
        if (ch === ']' && state === 'valueOrClose') {
          stack.pop();
          i++;
          state = 'after';
          continue;
        }
        if (ch === '{') {
          stack.push('{');
          i++;
          state = 'keyOrClose';
          continue;
        }
        if (ch === '[') {
          stack.push('[');
          i++;
          state = 'valueOrClose';
          continue;
        }
        if (ch === '"') {
          const err = scanString(text, i);
          if (typeof err !== 'number') return err;
          i = err;
          state = 'after';
          continue;
        }
        if (ch === '-' || (ch >= '0' && ch <= '9')) {
          NUMBER.lastIndex = i;
          const m = NUMBER.exec(text);
          if (!m || m[0] === '-') return fail(i, 'invalid number');
          const next = text[i + m[0].length];
          if (next !== undefined && /[0-9.eE+\-]/.test(next)) return fail(i, `invalid number '${text.slice(i, i + m[0].length + 1)}'`);
          i += m[0].length;
          state = 'after';
          continue;
        }
        const lit = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
        if (lit) {
          i += lit.length;
          state = 'after';
          continue;
        }
        if (ch === "'") return fail(i, 'strings must use double quotes');
        if (ch === ']' || ch === '}' || ch === ',') return fail(i, `expected a value, found ${describe(text, i)}`);
        return fail(i, `unexpected ${describe(text, i)}; expected a value (string, number, object, array, true, false or null)`);
      }
    }
  }
}

function skipWs(text: string, i: number): number {
  while (i < text.length && WS.has(text[i]!)) i++;
  return i;
}

/** Scans a string starting at its opening quote; returns the offset after it, or the error. */
function scanString(text: string, start: number): number | JsonSyntaxError {
  let i = start + 1;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c === 0x5c) {
      const e = text[i + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { offset: i, message: 'invalid \\u escape in a string (needs four hex digits)' };
        i += 6;
        continue;
      }
      if (e === undefined) break;
      if (!'"\\/bfnrt'.includes(e)) return { offset: i, message: `invalid escape '\\${e}' in a string` };
      i += 2;
      continue;
    }
    if (c === 0x0a || c === 0x0d) {
      return { offset: i, message: 'line break inside a string (missing closing quote, or write \\n)' };
    }
    if (c < 0x20) {
      return { offset: i, message: `control character U+${c.toString(16).padStart(4, '0').toUpperCase()} inside a string (escape it)` };
    }
    i++;
  }
  return { offset: start, message: 'unterminated string starting here (is the file truncated?)' };
}
