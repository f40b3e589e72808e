/** One instruction of a Dockerfile: `COPY --from=build /hub/dist ./dist` is keyword COPY, flags { from: 'build' }, arguments ['/hub/dist', './dist']. */
export interface DockerInstruction {
  keyword: string;
  flags: Record<string, string>;
  /** The words after the flags; a JSON array (exec form) as its elements; a RUN's shell command as one word. */
  arguments: string[];
  /** Its first line in the file, from 1. */
  line: number;
}

/** A stage: from its FROM (`FROM node:24 AS build`) to the next. */
export interface DockerStage {
  name?: string;
  /** The base image, with the ARGs declared before the first FROM put in. */
  base: string;
  instructions: DockerInstruction[];
}

export class DockerfileError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`Dockerfile line ${line}: ${reason}`);
    this.name = 'DockerfileError';
  }
}

/** A stage's instructions of one keyword (`USER`, `COPY`), in order; none of a stage that is not there. */
export function stageInstructions(stage: DockerStage | undefined, keyword: string): DockerInstruction[] {
  return stage?.instructions.filter((instruction) => instruction.keyword === keyword) ?? [];
}

/** Instructions whose rest is one shell command (or an exec form's words), not words split at spaces. */
const COMMAND_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'HEALTHCHECK']);
/** A flag at the start of an instruction's rest: `--from=build`, or `--link` alone. */
const FLAG = /^--([a-z-]+)(?:=(\S*))?\s*/;

/**
 * The stages of a Dockerfile, as far as a rehearsal of its build needs them: comments and parser
 * directives dropped, lines continued by a trailing backslash joined, the ARGs before the first
 * FROM put into the base images (`${NODE_VERSION}`).
 * @throws DockerfileError on an instruction before the first FROM (other than ARG), or a FROM with nothing to build from.
 */
export function parseDockerfile(text: string): DockerStage[] {
  const globalArgs = new Map<string, string>();
  const stages: DockerStage[] = [];
  for (const instruction of instructionsOf(text)) {
    if (instruction.keyword === 'FROM') {
      const [image, as, name] = instruction.arguments;
      if (!image) throw new DockerfileError(instruction.line, 'FROM names no image');
      const base = image.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, braced: string | undefined, bare: string | undefined) => globalArgs.get(braced ?? bare ?? '') ?? '');
      stages.push({ base, ...(as?.toUpperCase() === 'AS' && name ? { name } : {}), instructions: [] });
    } else if (stages.length > 0) {
      stages.at(-1)!.instructions.push(instruction);
    } else if (instruction.keyword === 'ARG') {
      const [name, value = ''] = instruction.arguments[0]?.split(/=(.*)/s) ?? [];
      if (name) globalArgs.set(name, value);
    } else {
      throw new DockerfileError(instruction.line, `${instruction.keyword} before the first FROM`);
    }
  }
  return stages;
}

function* instructionsOf(text: string): Generator<DockerInstruction> {
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    let content = lines[index].trim();
    if (content === '' || content.startsWith('#')) continue;
    // A backslash at the end continues the instruction; comment lines inside it are left out, as Docker does.
    while (content.endsWith('\\') && index + 1 < lines.length) {
      const next = lines[++index].trim();
      if (!next.startsWith('#')) content = `${content.slice(0, -1).trimEnd()} ${next}`;
    }
    const [, keyword = '', rest = ''] = /^(\S+)\s*(.*)$/s.exec(content) ?? [];
    yield instruction(keyword.toUpperCase(), rest.trim(), line);
  }
}

function instruction(keyword: string, rest: string, line: number): DockerInstruction {
  const flags: Record<string, string> = {};
  let remaining = rest;
  for (let flag = FLAG.exec(remaining); flag; flag = FLAG.exec(remaining)) {
    flags[flag[1]] = flag[2] ?? 'true';
    remaining = remaining.slice(flag[0].length);
  }
  if (remaining.startsWith('[')) {
    try {
      const words: unknown = JSON.parse(remaining);
      if (Array.isArray(words) && words.every((word) => typeof word === 'string')) return { keyword, flags, arguments: words, line };
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      // Not JSON: Docker takes it as the shell form, and so does this.
    }
  }
  return { keyword, flags, arguments: COMMAND_KEYWORDS.has(keyword) ? [remaining] : remaining.split(/\s+/).filter(Boolean), line };
}
