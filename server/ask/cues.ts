/**
 * The words that give a question its shape, in both languages: what kind of question it is
 * (who regulates, which rules, who issued …), what a rule does (bans, requires, addresses)
 * and which aspect is asked (when, how many, what comes next …). Each list is phrases as
 * users write them; Chinese phrases match as substrings, English ones as whole words
 * (a final s optional). Entity names and dates are masked before cues are looked for, so
 * 监管 inside 监管空白 or "regulation" inside "regulation phase" is not a cue.
 */
export type Cue =
  | 'regulate'
  | 'ruleNoun'
  | 'ruleish'
  | 'prohibit'
  | 'require'
  | 'address'
  | 'touch'
  | 'who'
  | 'issue'
  | 'when'
  | 'count'
  | 'path'
  | 'compare'
  | 'change'
  | 'phaseWord'
  | 'next'
  | 'previous'
  | 'start'
  | 'segments'
  | 'mark'
  | 'list'
  | 'about'
  | 'report'
  | 'content';

export const CUES: Record<Cue, { zh: readonly string[]; en: readonly string[] }> = {
  regulate: {
    zh: ['监管', '管理', '谁管', '谁在管', '归谁管', '部门管', '主管', '管辖'],
    en: ['regulate', 'regulated', 'regulating', 'regulator', 'oversee', 'oversaw', 'overseeing', 'supervise', 'supervised', 'supervising', 'supervisor', 'in charge of', 'responsible for', 'watches over', 'watch over', 'govern', 'governed', 'police'],
  },
  ruleNoun: {
    zh: ['规定', '规则', '文件', '办法', '政策', '法规', '措施', '新规', '规章', '制度'],
    en: ['rule', 'regulation', 'document', 'law', 'policy', 'policies', 'guideline', 'provision'],
  },
  // Words that name a kind of document: with them, a rule is looked for by its words.
  ruleish: {
    zh: ['方案', '办法', '意见', '原则', '叫停', '计划', '核查'],
    en: ['plan', 'measure', 'opinion', 'principle', 'guideline', 'halt', 'check'],
  },
  prohibit: {
    zh: ['禁止', '不允许', '不得', '严禁', '不准', '取缔', '禁了'],
    en: ['ban', 'banned', 'bans', 'prohibit', 'prohibited', 'forbid', 'forbids', 'forbidden', 'outlaw', 'outlawed'],
  },
  require: {
    zh: ['要求', '必须', '应当'],
    en: ['require', 'required', 'requirement', 'must', 'mandate', 'mandated'],
  },
  address: { zh: ['针对'], en: ['address', 'addresses', 'addressed'] },
  touch: {
    zh: ['涉及', '关于', '有关', '提到', '相关', '提及'],
    en: ['about', 'touch', 'touches', 'touching', 'mention', 'mentioning', 'concerning', 'regarding', 'deal with', 'deals with', 'on'],
  },
  who: {
    zh: ['谁', '哪些部门', '哪个部门', '哪些机构', '哪家', '发布机构', '什么机构', '哪个机构'],
    en: ['who', 'whom', 'which agency', 'which agencies', 'issuer', 'by whom'],
  },
  issue: {
    zh: ['发布', '出台', '印发', '发了', '颁布', '提出', '制定', '发文', '出了', '叫停'],
    en: ['issue', 'issued', 'publish', 'published', 'release', 'released', 'come out', 'came out', 'put out', 'behind', 'co issued', 'from', 'by'],
  },
  when: { zh: ['什么时候', '何时', '哪天', '哪一天', '哪年', '日期', '时间'], en: ['when', 'date of', 'what date', 'what year', 'date'] },
  count: { zh: ['几个', '多少', '几家'], en: ['how many', 'number of'] },
  path: {
    zh: ['关系', '联系', '关联'],
    en: ['related', 'relate', 'relation', 'relationship', 'connected', 'connection', 'connect', 'connects', 'link', 'links', 'linked', 'path'],
  },
  compare: {
    zh: ['比较', '对比', '区别', '不同', '异同', '差别', '差异'],
    en: ['compare', 'comparison', 'versus', 'vs', 'difference', 'differ', 'different'],
  },
  change: {
    zh: ['变化', '新规', '新增', '出台', '发生', '新政策', '发布', '出了', '新的'],
    en: ['change', 'changed', 'new', 'came out', 'come out', 'happened', 'happen', 'issued', 'published', 'introduced'],
  },
  phaseWord: { zh: ['阶段', '时期'], en: ['phase', 'stage', 'period'] },
  next: { zh: ['之后', '后面', '以后', '下一个', '接下来'], en: ['after', 'next', 'following', 'followed'] },
  previous: { zh: ['之前', '前面', '以前', '上一个'], en: ['before', 'preceded', 'previous', 'prior'] },
  start: { zh: ['开始', '始于', '起始', '起点'], en: ['start', 'started', 'begin', 'began', 'beginning'] },
  segments: {
    zh: ['业态', '业务', '出现', '兴起', '涌现', '诞生'],
    en: ['segment', 'emerged', 'appeared', 'emerge', 'appear', 'arose', 'business'],
  },
  mark: { zh: ['标志'], en: ['mark', 'marked', 'define', 'defined', 'opened'] },
  list: { zh: ['经历了', '哪几个阶段', '哪些阶段', '发展阶段'], en: ['what are the', 'which phases', 'list'] },
  about: {
    zh: ['是什么', '介绍', '怎么说', '说了什么', '怎么回事', '详细信息', '什么是', '说说', '告诉我', '信息', '意思', '讲讲'],
    en: ['tell me about', 'what is', "what's", 'who is', 'details', 'detail', 'show me', 'information about', 'info about', 'explain', 'say about', 'says about', 'describe'],
  },
  report: { zh: ['报告'], en: ['report'] },
  content: {
    zh: ['内容', '讲了什么', '规定了', '说了什么', '写了什么'],
    en: ['say', 'says', 'what is in', "what's in", 'content', 'contain', 'contains', 'cover', 'covers'],
  },
};

/** Words a question may hold that are no entity: the spelling correction leaves them alone. */
const STOPWORDS = `a an the of in on at for to and or is are was were be been do does did has have had any me my
please can could would you your i we us tell show how many much there that this these those with by from between
since after before as it its what whats which who whose whom wat where why all some each other than then also currently now
today still ever yet just only into over under up down out off about whom regulate regulates`.split(/\s+/);

/** Words that carry nothing on their own. */
export const STOP_WORDS: ReadonlySet<string> = new Set(STOPWORDS);

export const KNOWN_WORDS: ReadonlySet<string> = new Set([
  ...STOPWORDS,
  ...Object.values(CUES).flatMap((c) => c.en.flatMap((p) => p.split(/\s+/))),
]);

export interface CueHit {
  cue: Cue;
  start: number;
  end: number;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const MATCHERS: Array<{ cue: Cue; re: RegExp }> = (Object.keys(CUES) as Cue[]).flatMap((cue) => [
  ...CUES[cue].zh.map((p) => ({ cue, re: new RegExp(escape(p), 'g') })),
  ...CUES[cue].en.map((p) => ({
    cue,
    re: new RegExp(`(?<![a-z0-9'])${p.split(/\s+/).map(escape).join('\\s+')}(?:s|es)?(?![a-z0-9])`, 'g'),
  })),
]);

/** Every cue in a text whose entities and dates are masked (offsets are the question's). */
export function findCues(masked: string): CueHit[] {
  const hits: CueHit[] = [];
  for (const { cue, re } of MATCHERS) {
    re.lastIndex = 0;
    for (let m = re.exec(masked); m; m = re.exec(masked)) hits.push({ cue, start: m.index, end: m.index + m[0].length });
  }
  return hits.sort((a, b) => a.start - b.start || b.end - a.end);
}
