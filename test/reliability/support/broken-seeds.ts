/**
 * A corpus of broken seed directories, written to disk from the valid validator fixture
 * (test/graph-seed/fixtures/valid) with one thing broken in each: what the validator's unit
 * cases cover as texts, here as the files a person or a tool would really leave behind
 * (truncated writes, other encodings, byte-order marks, huge and deep content, empty files
 * and directories, a FIFO, cycles the schema forbids). Each names the error it must get.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './main-process.js';

export const VALID_FIXTURE = join(REPO_ROOT, 'test/graph-seed/fixtures/valid');

export interface BrokenSeed {
  name: string;
  /** Fills `dir` (which exists and is empty). */
  build(dir: string): void;
  /** Must appear in the validator's report (and so in the loader CLI's stderr). */
  error: RegExp;
}

type Json = { nodes?: Array<Record<string, unknown>>; relationships?: Array<Record<string, unknown>> };

function copyValid(dir: string): void {
  cpSync(VALID_FIXTURE, dir, { recursive: true });
}

function editJson(dir: string, file: string, edit: (j: Json) => void): void {
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8')) as Json;
  edit(json);
  writeFileSync(path, JSON.stringify(json, null, 2));
}

const CITED = [{ section: '二、全国互联网金融政策发展', quote: '规范互联网保险经营模式' }];
const rel = (type: string, source: string, target: string) => ({ type, source, target, sources: CITED });

function withValid(edit: (dir: string) => void): (dir: string) => void {
  return (dir) => {
    copyValid(dir);
    edit(dir);
  };
}

export const BROKEN_SEEDS: BrokenSeed[] = [
  {
    name: 'a file truncated in the middle of a write',
    build: withValid((dir) => {
      const path = join(dir, 'rules.json');
      const text = readFileSync(path);
      writeFileSync(path, text.subarray(0, Math.floor(text.length / 2)));
    }),
    error: /rules\.json: line \d+, column \d+: invalid JSON: (unexpected end of file|unterminated string)/,
  },
  {
    name: 'a file saved as UTF-16 LE with its byte-order mark',
    build: withValid((dir) => {
      const path = join(dir, 'agencies.json');
      writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(path, 'utf8'), 'utf16le')]));
    }),
    error: /agencies\.json: line 1, column 1: file is not valid UTF-8: invalid byte sequence/,
  },
  {
    name: 'a file saved as UTF-16 BE without a byte-order mark',
    build: withValid((dir) => {
      const path = join(dir, 'agencies.json');
      writeFileSync(path, Buffer.from(readFileSync(path, 'utf8'), 'utf16le').swap16());
    }),
    error: /agencies\.json: .*(not valid UTF-8|control character U\+0000)/,
  },
  {
    name: 'Latin-1 bytes in a description',
    build: withValid((dir) => {
      const path = join(dir, 'topics.json');
      const text = readFileSync(path, 'utf8').replace('"descriptionEn": "', '"descriptionEn": "Caf\u00e9 ');
      writeFileSync(path, Buffer.from(text, 'latin1'));
    }),
    error: /topics\.json: line 6, column \d+: file is not valid UTF-8: invalid byte sequence/,
  },
  {
    name: 'a UTF-8 byte-order mark',
    build: withValid((dir) => {
      const path = join(dir, 'phases.json');
      writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(path)]));
    }),
    error: /phases\.json: line 1, column 1: file starts with a byte-order mark/,
  },
  {
    name: 'a 10 MB string',
    build: withValid((dir) => editJson(dir, 'rules.json', (j) => void (j.nodes![0]!['description'] = '网'.repeat(10 * 1024 * 1024)))),
    error: /rules\.json: rule:p2p-interim-measures-2016 \(nodes\[0\]\)\.description: text is 10485760 characters long/,
  },
  {
    name: 'a million-element array',
    build: withValid((dir) => writeFileSync(join(dir, 'many.json'), `{"nodes": [${new Array(1_000_000).fill('{}').join(',')}]}`)),
    error: /many\.json: nodes: holds 1000000 records; a seed file may hold at most 100000/,
  },
  {
    name: 'JSON nested 500,000 levels deep',
    build: withValid((dir) => writeFileSync(join(dir, 'deep.json'), `{"nodes": [${'['.repeat(500_000)}${']'.repeat(500_000)}]}`)),
    error: /deep\.json: nodes\[0\]: must be an object, got an array/,
  },
  {
    name: 'an empty file',
    build: withValid((dir) => writeFileSync(join(dir, 'empty.json'), '')),
    error: /empty\.json: .*the file is empty or holds only whitespace/,
  },
  {
    name: 'a directory with no files',
    build: () => {},
    error: /no \*\.json seed files found/,
  },
  {
    name: 'a directory with only other files, a FIFO named x.json and a symlink loop',
    build: (dir) => {
      writeFileSync(join(dir, 'README.md'), '# not a seed');
      writeFileSync(join(dir, 'nodes.json.bak'), '{}');
      execFileSync('mkfifo', [join(dir, 'x.json')]);
      symlinkSync('.', join(dir, 'loop'));
    },
    error: /no \*\.json seed files found/,
  },
  {
    name: 'a data directory that does not exist',
    build: () => {},
    error: /seed data directory not found: .*missing/,
  },
  {
    name: 'a 65 MB file (sparse, never read)',
    build: withValid((dir) => {
      writeFileSync(join(dir, 'huge.json'), '');
      truncateSync(join(dir, 'huge.json'), 65 * 1024 * 1024);
    }),
    error: /huge\.json: file is too large \(65\.0 MB; at most 64 MB\)/,
  },
  {
    name: 'a PART_OF cycle',
    build: withValid((dir) => editJson(dir, 'relationships/core.json', (j) => void j.relationships!.push(rel('PART_OF', 'segment:internet-finance', 'segment:online-lending')))),
    error: /PART_OF must not form a cycle: segment:/,
  },
  {
    name: 'a PRECEDES cycle',
    build: withValid((dir) => editJson(dir, 'relationships/core.json', (j) => void j.relationships!.push(rel('PRECEDES', 'phase:regulation', 'phase:growth')))),
    error: /PRECEDES must not form a cycle: phase:/,
  },
  {
    name: 'an IMPLEMENTS cycle',
    build: withValid((dir) =>
      editJson(dir, 'relationships/core.json', (j) => void j.relationships!.push(rel('IMPLEMENTS', 'rule:rectification-plan-2016', 'rule:insurance-rectification-plan-2016'))),
    ),
    error: /IMPLEMENTS must not form a cycle: rule:/,
  },
  {
    name: 'a relationship to a node that no file defines',
    build: withValid((dir) => editJson(dir, 'relationships/core.json', (j) => void j.relationships!.push(rel('ISSUED', 'agency:cbrc', 'rule:nowhere-2016')))),
    error: /target: no node has id "rule:nowhere-2016"/,
  },
  {
    name: 'the same node id in two files',
    build: withValid((dir) => {
      const agencies = JSON.parse(readFileSync(join(dir, 'agencies.json'), 'utf8')) as Json;
      writeFileSync(join(dir, 'more-agencies.json'), JSON.stringify({ nodes: [agencies.nodes![0]] }));
    }),
    error: /duplicate node id "agency:cbrc"; first defined in/,
  },
  {
    name: 'a __proto__ key (prototype pollution attempt)',
    build: withValid((dir) => {
      const path = join(dir, 'segments.json');
      writeFileSync(path, readFileSync(path, 'utf8').replace('{', '{"__proto__": {"polluted": true},'));
    }),
    error: /segments\.json: __proto__: unknown property/,
  },
  {
    name: 'a number beyond double range (1e400)',
    build: withValid((dir) => {
      const path = join(dir, 'phases.json');
      writeFileSync(path, readFileSync(path, 'utf8').replace('"startYear": 2013', '"startYear": 1e400'));
    }),
    error: /phases\.json: phase:growth \(nodes\[0\]\)\.startYear: must be .*Infinity/,
  },
  {
    name: 'a label the schema does not have',
    build: withValid((dir) => editJson(dir, 'agencies.json', (j) => void (j.nodes![0]!['label'] = 'Agency DETACH DELETE n'))),
    error: /agencies\.json: agency:cbrc \(nodes\[0\]\)\.label: unknown label "Agency DETACH DELETE n"; expected one of Agency/,
  },
];

/** Writes every case under `root/<index>`; the "does not exist" case points at a missing path. */
export function writeCorpus(root: string): Array<BrokenSeed & { dir: string }> {
  return BROKEN_SEEDS.map((c, i) => {
    const dir = join(root, String(i).padStart(2, '0'));
    if (c.name.startsWith('a data directory that does not exist')) return { ...c, dir: join(dir, 'missing') };
    mkdirSync(dir, { recursive: true });
    c.build(dir);
    return { ...c, dir };
  });
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String);
}
