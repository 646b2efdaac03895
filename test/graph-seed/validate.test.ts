/**
 * The seed validator: each kind of malformed input gives one precise message (file, record,
 * field, what is wrong), all problems come at once, hostile input stays bounded, and the real
 * seed under graph-seed/data passes with every quote found in the source text.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatIssue, formatIssues, SeedValidationError } from '../../graph-seed/errors.js';
import { loadSeedGraph, validateSeedDir } from '../../graph-seed/load-seed.js';
import { readSeedFiles, repoRoot } from '../../graph-seed/read-seed-files.js';
import { itWithSourceText, sourceText } from '../support/source-text.js';
import { relationshipId } from '../../graph-seed/schema.js';
import { LIMITS, validateSeedFiles, type SeedFileInput, type ValidationResult } from '../../graph-seed/validate.js';

const FIXTURES = 'test/graph-seed/fixtures';
const V = `${FIXTURES}/valid`;
const abs = (p: string): string => path.join(repoRoot(), p);

let valid: SeedFileInput[];
/** The report text, when installed: tests of the quote check itself need it (itWithSourceText). */
const source = sourceText();

beforeAll(async () => {
  valid = await readSeedFiles(abs(V));
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The valid fixture with one file changed: `edit` mutates its JSON or returns replacement text. */
function edited(file: string, edit: (json: Json) => void | string): SeedFileInput[] {
  let found = false;
  const files = valid.map((f) => {
    if (f.path !== `${V}/${file}`) return f;
    found = true;
    const json = JSON.parse(f.text) as Json;
    const replaced = edit(json);
    return { path: f.path, text: typeof replaced === 'string' ? replaced : JSON.stringify(json, null, 2) };
  });
  if (!found) throw new Error(`no fixture file ${file}`);
  return files;
}

function messages(r: ValidationResult): string[] {
  return r.issues.map(formatIssue);
}

function check(files: SeedFileInput[], src: string | undefined = source): string[] {
  const r = validateSeedFiles(files, src);
  if (r.totalIssues === 0) expect(r.graph).toBeDefined();
  else expect(r.graph).toBeUndefined();
  return messages(r);
}

const P2P = 'rule:p2p-interim-measures-2016 (nodes[0])';
const PLAN = 'rule:rectification-plan-2016 (nodes[1])';
const ISSUED_CBRC = 'agency:cbrc-ISSUED->rule:p2p-interim-measures-2016 (relationships[0])';

describe('a valid seed', () => {
  itWithSourceText('passes with every quote verified, defaults applied and relationship ids derived', () => {
    const r = validateSeedFiles(valid, source);
    expect(messages(r)).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.stats.files).toBe(6);
    expect(r.stats.quotes).toEqual({ total: 30, verified: 30, checked: true });
    const plan = r.graph!.nodes.find((n) => n.id === 'rule:rectification-plan-2016')!;
    expect(plan.aliases).toEqual([]); // absent in the file: zod default
    expect(plan.figures).toEqual([]);
    for (const rel of r.graph!.relationships) {
      expect(rel.id).toBe(relationshipId(rel));
      expect(rel.properties).toBeTypeOf('object');
    }
    expect(r.graph!.relationships).toHaveLength(15);
  });

  itWithSourceText('loadSeedGraph reads it from disk', async () => {
    const graph = await loadSeedGraph({ dataDir: abs(V), onWarning: (w) => expect.fail(w) });
    expect(graph.nodes).toHaveLength(14);
    expect(graph.relationships.map((r) => r.id)).toContain('agency:cbrc-ISSUED->rule:p2p-interim-measures-2016');
  });
});

describe('each kind of malformed input gives one precise message', () => {
  it('missing field', () => {
    expect(check(edited('rules.json', (j) => void delete j.nodes[1].name))).toEqual([
      `${V}/rules.json: ${PLAN}.name: is required but missing`,
    ]);
  });

  it('wrong type', () => {
    expect(check(edited('rules.json', (j) => void (j.nodes[1].issuerCount = '14')))).toEqual([
      `${V}/rules.json: ${PLAN}.issuerCount: must be a number, got the string "14"`,
    ]);
    expect(check(edited('phases.json', (j) => void (j.nodes[0].startYear = 2013.5)))).toEqual([
      `${V}/phases.json: phase:growth (nodes[0]).startYear: must be an integer, got the number 2013.5`,
    ]);
  });

  it('duplicate node id, also across files', () => {
    expect(check(edited('topics.json', (j) => void (j.nodes[2].id = 'topic:real-estate-finance')))).toEqual([
      `${V}/topics.json: topic:real-estate-finance (nodes[2]).id: duplicate node id "topic:real-estate-finance"; first defined in ${V}/topics.json nodes[0]`,
      // the renamed node's own relationship now dangles, which is true
      `${V}/relationships/core.json: rule:insurance-rectification-plan-2016-PROHIBITS->topic:cash-pool (relationships[10]).target: no node has id "topic:cash-pool"`,
    ]);
    const copy = edited('phases.json', (j) => void j.nodes.push({ ...JSON.parse(valid[0]!.text).nodes[0] }));
    expect(check(copy)).toEqual([
      `${V}/phases.json: agency:cbrc (nodes[2]).id: duplicate node id "agency:cbrc"; first defined in ${V}/agencies.json nodes[0]`,
    ]);
  });

  it('duplicate relationship', () => {
    expect(check(edited('relationships/core.json', (j) => void j.relationships.push(j.relationships[3])))).toEqual([
      `${V}/relationships/core.json: rule:p2p-interim-measures-2016-REGULATES->segment:online-lending (relationships[15]): duplicate relationship rule:p2p-interim-measures-2016-REGULATES->segment:online-lending; first defined in ${V}/relationships/core.json relationships[3]`,
    ]);
  });

  it('dangling endpoint', () => {
    expect(check(edited('relationships/core.json', (j) => void (j.relationships[0].target = 'rule:p2p-2016')))).toEqual([
      `${V}/relationships/core.json: agency:cbrc-ISSUED->rule:p2p-2016 (relationships[0]).target: no node has id "rule:p2p-2016"`,
    ]);
  });

  it('wrong endpoint labels, and PART_OF across labels', () => {
    const files = edited('relationships/core.json', (j) => {
      j.relationships[0].source = 'segment:online-lending';
      j.relationships[6].target = 'topic:cash-pool';
    });
    expect(check(files)).toEqual([
      `${V}/relationships/core.json: segment:online-lending-ISSUED->rule:p2p-interim-measures-2016 (relationships[0]).source: ISSUED starts at Agency, but segment:online-lending is a Segment`,
      `${V}/relationships/core.json: segment:online-lending-PART_OF->topic:cash-pool (relationships[6]): PART_OF must join two nodes of the same label; segment:online-lending is a Segment, topic:cash-pool is a Topic`,
    ]);
  });

  it('bad date format', () => {
    expect(check(edited('rules.json', (j) => void (j.nodes[0].date = '2016/08/24')))).toEqual([
      `${V}/rules.json: ${P2P}.date: must be an ISO date such as 2016, 2016-07 or 2016-07-18 (got the string "2016/08/24")`,
    ]);
  });

  it('impossible calendar dates: 2016-02-30, 2015-02-29, month 13, day 00', () => {
    const files = edited('rules.json', (j) => {
      j.nodes[0].date = '2016-02-30';
      j.nodes[1].date = '2016-13';
      j.nodes[2].date = '2016-10-00';
    });
    const figure = edited('segments.json', (j) => void (j.nodes[0].figures[0].year = '2015-02-29'));
    expect(check(files)).toEqual([
      `${V}/rules.json: ${P2P}.date: "2016-02-30" is not a real calendar date (February 2016 has 29 days)`,
      `${V}/rules.json: ${PLAN}.date: "2016-13" is not a real calendar date (month 13 does not exist)`,
      `${V}/rules.json: rule:insurance-rectification-plan-2016 (nodes[2]).date: "2016-10-00" is not a real calendar date (October 2016 has 31 days)`,
    ]);
    expect(check(figure)).toEqual([
      `${V}/segments.json: segment:online-lending (nodes[0]).figures[0].year: "2015-02-29" is not a real calendar date (February 2015 has 28 days)`,
    ]);
    expect(check(edited('rules.json', (j) => void (j.nodes[0].date = '2016-02-29')))).toEqual([]);
  });

  it('empty translation (blank after trimming)', () => {
    expect(check(edited('rules.json', (j) => void (j.nodes[0].nameEn = '   ')))).toEqual([
      `${V}/rules.json: ${P2P}.nameEn: must not be empty`,
    ]);
  });

  itWithSourceText('quote not in the source, with how far it matched', () => {
    expect(check(edited('rules.json', (j) => void (j.nodes[0].sources[0].quote = '进一步明确了网络借贷机构的信息中介定位')))).toEqual([
      `${V}/rules.json: ${P2P}.sources[0].quote: quote not found in the source text (whitespace ignored): "进一步明确了网络借贷机构的信息中介定位"; the source has its first 12 of 19 characters ("进一步明确了网络借贷机构") but then differs at "的信息中介定位"`,
    ]);
  });

  itWithSourceText('quote split by line breaks and tabs still matches; a quote of 121..160 characters warns', (report) => {
    const long = report.replace(/\s+/g, '').slice(2000, 2130); // 130 characters of real text
    const r = validateSeedFiles(
      edited('rules.json', (j) => {
        j.nodes[0].sources[0].quote = '进一步明确了\n网络借贷\t机构信息中介的定位';
        j.nodes[1].sources[0].quote = long;
      }),
      source,
    );
    expect(messages(r)).toEqual([]);
    expect(r.warnings).toEqual([`${V}/rules.json: ${PLAN}.sources[0].quote: quote is 130 characters; prefer at most 120`]);
  });

  it('unknown label', () => {
    expect(check(edited('rules.json', (j) => void (j.nodes[1].label = 'Rules')))).toEqual([
      `${V}/rules.json: ${PLAN}.label: unknown label "Rules" (did you mean "Rule"?); expected one of Agency, Rule, Segment, Topic, Technology, Phase, Event`,
    ]);
  });

  it('unknown relationship type', () => {
    expect(check(edited('relationships/core.json', (j) => void (j.relationships[0].type = 'ISSUES')))).toEqual([
      `${V}/relationships/core.json: agency:cbrc-ISSUES->rule:p2p-interim-measures-2016 (relationships[0]).type: unknown relationship type "ISSUES" (did you mean "ISSUED"?); expected one of ISSUED, REGULATES, PROHIBITS, REQUIRES, ADDRESSES, IMPLEMENTS, PART_OF, APPLIED_IN, EMERGED_IN, MARKS, PRECEDES, INVOLVED`,
    ]);
  });

  it('unknown property, at the top of a record, in a citation and in a file', () => {
    const files = edited('rules.json', (j) => {
      j.nodes[0].descripton = 'x';
      j.nodes[0].sources[0].page = 3;
      j.node = [];
    });
    expect(check(files)).toEqual([
      `${V}/rules.json: node: unknown property (did you mean "nodes"?); a seed file holds comment, nodes, relationships`,
      `${V}/rules.json: ${P2P}.sources[0].page: unknown property; allowed: section, quote`,
      `${V}/rules.json: ${P2P}.descripton: unknown property (did you mean "description"?); allowed: id, label, name, nameEn, aliases, description, descriptionEn, date, startYear, endYear, order, kind, issuerCount, figures, sources`,
    ]);
  });

  it('relationship properties: scalar values and names the loader does not own', () => {
    expect(check(edited('relationships/core.json', (j) => void (j.relationships[0].properties = { note: { a: 1 } })))).toEqual([
      `${V}/relationships/core.json: ${ISSUED_CBRC}.properties.note: must be a string, number or boolean (Neo4j stores scalar properties), got an object`,
    ]);
    expect(check(edited('relationships/core.json', (j) => void (j.relationships[0].properties = { id: 'x', 'my role': 'lead' })))).toEqual([
      `${V}/relationships/core.json: ${ISSUED_CBRC}.properties.id: "id" is set by the loader; use another property name`,
      `${V}/relationships/core.json: ${ISSUED_CBRC}.properties: property name "my role" must be letters, digits and _ (starting with a letter)`,
    ]);
  });

  it('cycle in PART_OF, with its path', () => {
    const files = edited('relationships/core.json', (j) => {
      j.relationships.push({ ...j.relationships[6], source: 'segment:internet-finance', target: 'segment:online-lending' });
    });
    expect(check(files)).toEqual([
      `${V}/relationships/core.json: segment:internet-finance-PART_OF->segment:online-lending (relationships[15]): PART_OF must not form a cycle: segment:online-lending -> segment:internet-finance -> segment:online-lending`,
    ]);
  });

  it('cycle in PRECEDES through three phases, and a self-loop in IMPLEMENTS', () => {
    const files = edited('phases.json', (j) => {
      j.nodes.push({ ...j.nodes[0], id: 'phase:third', order: 5 });
    });
    const rels = files.map((f) => {
      if (!f.path.endsWith('core.json')) return f;
      const j = JSON.parse(f.text) as Json;
      const src = j.relationships[12].sources;
      j.relationships.push({ type: 'PRECEDES', source: 'phase:regulation', target: 'phase:third', sources: src });
      j.relationships.push({ type: 'PRECEDES', source: 'phase:third', target: 'phase:growth', sources: src });
      j.relationships.push({ type: 'IMPLEMENTS', source: 'rule:rectification-plan-2016', target: 'rule:rectification-plan-2016', sources: src });
      return { ...f, text: JSON.stringify(j) };
    });
    expect(check(rels)).toEqual([
      `${V}/relationships/core.json: phase:third-PRECEDES->phase:growth (relationships[16]): PRECEDES must not form a cycle: phase:growth -> phase:regulation -> phase:third -> phase:growth`,
      `${V}/relationships/core.json: rule:rectification-plan-2016-IMPLEMENTS->rule:rectification-plan-2016 (relationships[17]): IMPLEMENTS must not form a cycle: rule:rectification-plan-2016 -> rule:rectification-plan-2016`,
    ]);
  });

  it('id prefix that does not match the label, and a malformed id', () => {
    expect(check(edited('rules.json', (j) => void (j.nodes[1].id = 'agency:rectification-plan-2016')).map(fixRefs('rule:rectification-plan-2016', 'agency:rectification-plan-2016')))).toEqual([
      `${V}/rules.json: agency:rectification-plan-2016 (nodes[1]).id: a Rule id must start with "rule:" (got "agency:rectification-plan-2016")`,
    ]);
    expect(check(edited('rules.json', (j) => void (j.nodes[1].id = 'Rule:Plan 2016')).map(fixRefs('rule:rectification-plan-2016', 'Rule:Plan 2016')))).toEqual([
      `${V}/rules.json: nodes[1].id: must look like \`label:slug\` (lowercase, digits, dashes) (got the string "Rule:Plan 2016")`,
    ]);
  });

  it('phase years out of order, duplicate aliases', () => {
    expect(check(edited('phases.json', (j) => void (j.nodes[0].endYear = 2012)))).toEqual([
      `${V}/phases.json: phase:growth (nodes[0]).endYear: endYear 2012 is before startYear 2013`,
    ]);
    expect(check(edited('segments.json', (j) => void j.nodes[0].aliases.push('ｐ２ｐ')))).toEqual([
      `${V}/segments.json: segment:online-lending (nodes[0]).aliases[2]: duplicate alias "ｐ２ｐ" (same as aliases[0])`,
    ]);
  });

  it('a file that is not a seed file', () => {
    expect(check(edited('rules.json', () => '[]'))).toContain(
      `${V}/rules.json: a seed file must hold a JSON object with "nodes" and/or "relationships", got an array`,
    );
    expect(check(edited('rules.json', (j) => void (j.nodes = { a: 1 })))).toContain(`${V}/rules.json: nodes: must be an array, got an object`);
  });
});

describe('JSON syntax errors name their line and column', () => {
  const rulesText = (): string => valid.find((f) => f.path === `${V}/rules.json`)!.text;

  it('missing comma', () => {
    const text = rulesText().replace('"kind": "interim-measures",', '"kind": "interim-measures"');
    const line = text.slice(0, text.indexOf('"kind": "interim-measures"')).split('\n').length + 1;
    expect(check(edited('rules.json', () => text))).toEqual([
      `${V}/rules.json: line ${line}, column 7: invalid JSON: expected ',' or '}' after a property value, found '"' (missing comma?)`,
    ]);
  });

  it('trailing comma, single quotes, comments, bare words, a line break in a string', () => {
    const one = (text: string): string[] => check([{ path: 'x.json', text }]);
    expect(one('{\n  "nodes": [],\n}')).toEqual(["x.json: line 2, column 14: invalid JSON: trailing comma before '}'"]);
    expect(one("{'nodes': []}")).toEqual(['x.json: line 1, column 2: invalid JSON: property names must use double quotes']);
    expect(one('{\n// seed\n"nodes": []}')).toEqual(['x.json: line 2, column 1: invalid JSON: comments are not allowed in JSON']);
    expect(one('{"nodes": [tru]}')).toEqual([
      "x.json: line 1, column 12: invalid JSON: unexpected 'tru'; expected a value (string, number, object, array, true, false or null)",
    ]);
    expect(one('{"nodes": ["a\nb"]}')).toEqual(['x.json: line 1, column 14: invalid JSON: line break inside a string (missing closing quote, or write \\n)']);
    expect(one('')).toEqual(['x.json: line 1, column 1: invalid JSON: the file is empty or holds only whitespace']);
    expect(one('{"nodes": []} {}')).toEqual(["x.json: line 1, column 15: invalid JSON: unexpected '{' after the end of the JSON value"]);
  });

  it('truncated file (read from disk)', async () => {
    const [truncated] = await readSeedFiles(abs(`${FIXTURES}/broken/truncated`));
    const files = valid.map((f) => (f.path.endsWith('/agencies.json') ? truncated! : f));
    // No cascade: relationships to agencies of the unreadable file are not called dangling.
    expect(check(files)).toEqual([
      `${FIXTURES}/broken/truncated/agencies.json: line 38, column 6: invalid JSON: unexpected end of file with 3 unclosed brackets (is the file truncated?)`,
    ]);
  });
});

describe('encoding', () => {
  it('non-UTF-8 bytes (a GBK-encoded file) are reported with their position', async () => {
    const [gbk] = await readSeedFiles(abs(`${FIXTURES}/broken/gbk`));
    const files = valid.map((f) => (f.path.endsWith('/agencies.json') ? gbk! : f));
    const msgs = check(files);
    expect(msgs[0]).toMatch(
      new RegExp(`^${FIXTURES}/broken/gbk/agencies\\.json: line 7, column 16: file is not valid UTF-8: invalid byte sequence \\(decoded as U\\+FFFD, \\d+ in all\\); save it as UTF-8$`),
    );
    // The garbled quotes are then not in the source either; the encoding message comes first.
    expect(msgs.slice(1).every((m) => m.includes('quote not found'))).toBe(true);
  });

  it('a byte-order mark is reported, and the rest of the file is still checked', async () => {
    const [bom] = await readSeedFiles(abs(`${FIXTURES}/broken/bom`));
    const files = valid.map((f) => (f.path.endsWith('/agencies.json') ? bom! : f));
    expect(check(files)).toEqual([
      `${FIXTURES}/broken/bom/agencies.json: line 1, column 1: file starts with a byte-order mark (BOM); save it as UTF-8 without BOM`,
    ]);
  });
});

describe('all problems at once', () => {
  it('reports errors from several files and kinds in one run', () => {
    let files = edited('rules.json', (j) => {
      delete j.nodes[1].name;
      j.nodes[0].date = '2016-02-30';
    });
    files = files.map((f) => (f.path.endsWith('topics.json') ? { ...f, text: f.text.replace('"label": "Topic"', '"label": "Topik"') } : f));
    files = files.map((f) => (f.path.endsWith('core.json') ? { ...f, text: f.text.replace('"segment:internet-insurance"', '"segment:internet-insurence"') } : f));
    expect(check(files)).toEqual([
      `${V}/rules.json: ${PLAN}.name: is required but missing`,
      `${V}/topics.json: topic:real-estate-finance (nodes[0]).label: unknown label "Topik" (did you mean "Topic"?); expected one of Agency, Rule, Segment, Topic, Technology, Phase, Event`,
      `${V}/rules.json: ${P2P}.date: "2016-02-30" is not a real calendar date (February 2016 has 29 days)`,
      `${V}/relationships/core.json: rule:insurance-rectification-plan-2016-REGULATES->segment:internet-insurence (relationships[5]).target: no node has id "segment:internet-insurence"`,
    ]);
  });

  it('loadSeedGraph throws SeedValidationError with every issue, one per line', async () => {
    const err = await loadSeedGraph({ dataDir: abs(`${FIXTURES}/broken/truncated`), onWarning: () => {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SeedValidationError);
    const e = err as SeedValidationError;
    expect(e.errors).toHaveLength(e.message.split('\n').length);
    expect(e.message.split('\n')[0]).toMatch(/^test\/graph-seed\/fixtures\/broken\/truncated\/agencies\.json: line 38, column 6: /);
  });

  it('a missing data directory is an issue, not a crash', async () => {
    const err = (await loadSeedGraph({ dataDir: abs(`${FIXTURES}/nope`) }).catch((e: unknown) => e)) as SeedValidationError;
    expect(err).toBeInstanceOf(SeedValidationError);
    expect(err.message).toBe(`${abs(`${FIXTURES}/nope`)}: seed data directory not found: ${abs(`${FIXTURES}/nope`)}`);
  });
});

describe('without the source text', () => {
  it('skips the quote check with a warning and still runs every other check', async () => {
    const ok = await validateSeedDir({ dataDir: abs(V), sourcePath: '/nonexistent/source.txt' });
    expect(ok.totalIssues).toBe(0);
    expect(ok.graph).toBeDefined();
    expect(ok.stats.quotes).toEqual({ total: 30, verified: 0, checked: false });
    expect(ok.warnings).toEqual(['source text not found at /nonexistent/source.txt: the quote check was skipped (other checks ran)']);

    const bad = validateSeedFiles(
      edited('rules.json', (j) => {
        j.nodes[0].date = '2016-13-01';
        j.nodes[0].sources[0].quote = 'not in the source';
      }),
      undefined,
    );
    expect(messages(bad)).toEqual([`${V}/rules.json: ${P2P}.date: "2016-13-01" is not a real calendar date (month 13 does not exist)`]);
    expect(bad.warnings).toEqual(['no source text available: the quote check was skipped (other checks ran)']);
  });

  it('loadSeedGraph passes the warning on and returns the graph', async () => {
    const warnings: string[] = [];
    const graph = await loadSeedGraph({ dataDir: abs(V), sourcePath: null, onWarning: (w) => warnings.push(w) });
    expect(graph.nodes).toHaveLength(14);
    expect(warnings).toEqual(['quote check disabled: no source path given']);
  });
});

describe('hostile input stays bounded', () => {
  // Bounded means: an exact, early answer (the limit that refused it), not a wall-clock figure;
  // a hang still fails on the test timeout. How fast the validator is belongs in bench/.
  const answer = <T>(fn: () => T): { value: T } => ({ value: fn() });

  it('a 10 MB string', () => {
    const { value } = answer(() => check(edited('rules.json', (j) => void (j.nodes[0].description = '网'.repeat(10 * 1024 * 1024)))));
    expect(value).toEqual([`${V}/rules.json: ${P2P}.description: text is 10485760 characters long; at most ${LIMITS.textChars} are allowed`]);
  });

  it('a 10 MB unterminated string', () => {
    const { value } = answer(() => check([{ path: 'x.json', text: `{"nodes": [{"id": "${'a'.repeat(10 * 1024 * 1024)}` }]));
    expect(value).toEqual(['x.json: line 1, column 19: invalid JSON: unterminated string starting here (is the file truncated?)']);
  });

  it('a million-element array', () => {
    const text = `{"nodes": [${new Array(1_000_000).fill('{}').join(',')}]}`;
    const { value } = answer(() => check([{ path: 'x.json', text }]));
    expect(value).toEqual([
      `x.json: nodes: holds 1000000 records; a seed file may hold at most ${LIMITS.recordsPerArray} per array (split it); its records were not checked`,
    ]);
  });

  it('100 000 broken records: issues are capped and counted', () => {
    const text = `{"nodes": [${new Array(100_000).fill('{"id": 1}').join(',')}]}`;
    const { value: r } = answer(() => validateSeedFiles([{ path: 'x.json', text }], source));
    expect(r.issues).toHaveLength(LIMITS.storedIssues);
    expect(r.totalIssues).toBeGreaterThanOrEqual(LIMITS.schemaIssueBudget);
    expect(r.totalIssues).toBeLessThan(LIMITS.schemaIssueBudget + 20);
    expect(formatIssue(r.issues[0]!)).toBe('x.json: nodes[0].id: must be a string, got the number 1');
    const report = formatIssues(r.issues, 200, r.totalIssues).split('\n');
    expect(report).toHaveLength(201);
    expect(report[200]).toBe(`... and ${r.totalIssues - 200} more`);
  });

  it('JSON nested a million levels deep', () => {
    const deep = `{"nodes": [${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}]}`;
    const { value } = answer(() => check([{ path: 'x.json', text: deep }]));
    expect(value).toEqual(['x.json: nodes[0]: must be an object, got an array']);
    const broken = `{"nodes": [${'['.repeat(1_000_000)}${']'.repeat(999_999)}}`;
    const b = answer(() => check([{ path: 'x.json', text: broken }]));
    expect(b.value).toEqual(["x.json: line 1, column 2000011: invalid JSON: expected ',' or ']' after an array element, found '}' (missing comma?)"]);
  });

  it('a huge unknown key is shown as an excerpt', () => {
    const key = 'k'.repeat(1_000_000);
    const msgs = check(edited('rules.json', (j) => void (j.nodes[0][key] = 1)));
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatch(new RegExp(`^${V}/rules\\.json: ${P2P.replace(/[()[\]]/g, '\\$&')}\\.k{40}… \\(1000000 characters\\): unknown property; allowed: id, `));
    expect(msgs[0]!.length).toBeLessThan(600);
  });
});

describe('the CLI', () => {
  const run = promisify(execFile);
  const cli = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', abs('graph-seed/cli/validate.ts'), ...args], { cwd: repoRoot() }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  itWithSourceText('prints a summary of a valid seed and exits 0', async () => {
    const r = await cli(['--data', abs(V)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('files: 6');
    expect(r.stdout).toMatch(/ {2}Agency +3\n/);
    expect(r.stdout).toMatch(/ {2}ISSUED +3\n/);
    expect(r.stdout).toContain('quotes verified: 30/30');
    expect(r.stdout).toContain('tours: not checked (--data given without --tours)');
  });

  it('prints every error and exits 1', async () => {
    const r = await cli(['--data', abs(`${FIXTURES}/broken/bom`), '--source', '/nonexistent']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('warning: source text not found at /nonexistent');
    expect(r.stderr).toContain(`${FIXTURES}/broken/bom/agencies.json: line 1, column 1: file starts with a byte-order mark`);
    expect(r.stderr).toContain('1 error in');
  });

  it('rejects an unknown flag', async () => {
    const r = await cli(['--dta', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown option '--dta'");
  });
});

describe('the real seed (graph-seed/data)', () => {
  itWithSourceText('is valid, and every quote is found in the source text', async () => {
    const r = await validateSeedDir();
    expect(formatIssues(r.issues, 200, r.totalIssues)).toBe('');
    expect(r.stats.nodes).toBeGreaterThan(0);
    expect(r.stats.quotes.checked).toBe(true);
    expect(r.stats.quotes.verified).toBe(r.stats.quotes.total);
  });
});

/** Renames references too, so a test of one node's id is not drowned by dangling ends. */
function fixRefs(from: string, to: string) {
  return (f: SeedFileInput): SeedFileInput => (f.path.endsWith('core.json') ? { ...f, text: f.text.split(`"${from}"`).join(`"${to}"`) } : f);
}
