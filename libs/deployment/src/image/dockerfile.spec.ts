import { dockerIgnore } from './docker-ignore.js';
import { DockerfileError, parseDockerfile } from './dockerfile.js';

describe('parseDockerfile', () => {
  it('splits the file into its stages, named by AS, with the ARGs before the first FROM put into the base image', () => {
    const stages = parseDockerfile('ARG NODE_VERSION=24.22.3\nFROM node:${NODE_VERSION}-slim AS build\nWORKDIR /hub\nFROM node:$NODE_VERSION AS runtime\nUSER 1000:1000\n');
    expect(stages.map((stage) => [stage.name, stage.base, stage.instructions.map((i) => i.keyword)])).toEqual([
      ['build', 'node:24.22.3-slim', ['WORKDIR']],
      ['runtime', 'node:24.22.3', ['USER']],
    ]);
  });

  it('joins the lines a trailing backslash continues into one RUN command, leaving comments and the parser directive out', () => {
    const [stage] = parseDockerfile('# syntax=docker/dockerfile:1\nFROM debian\n# why\nRUN npm run build \\\n # a comment inside\n && npm prune\n');
    expect(stage.instructions).toEqual([{ keyword: 'RUN', flags: {}, arguments: ['npm run build && npm prune'], line: 4 }]);
  });

  it('reads a COPY’s flags apart from its sources and destination', () => {
    const [, runtime] = parseDockerfile('FROM a AS build\nFROM b\nCOPY --from=build --chown=1000:1000 /hub/dist ./dist\n');
    expect(runtime.instructions[0]).toMatchObject({ keyword: 'COPY', flags: { from: 'build', chown: '1000:1000' }, arguments: ['/hub/dist', './dist'] });
  });

  it('reads the exec form of CMD as its words', () => {
    const [stage] = parseDockerfile('FROM a\nCMD ["node", "dist/apps/gateway/src/main.js"]\n');
    expect(stage.instructions[0].arguments).toEqual(['node', 'dist/apps/gateway/src/main.js']);
  });

  it('refuses an instruction before the first FROM, naming its line', () => {
    expect(() => parseDockerfile('ARG A=1\nRUN true\nFROM a\n')).toThrow(new DockerfileError(2, 'RUN before the first FROM'));
  });
});

describe('dockerIgnore', () => {
  const ignored = dockerIgnore('# local state\n.git\nnode_modules\n/dist/\ndeploy/kubernetes/secrets\n*.log\n!keep.log\n');

  it('leaves out a listed folder and everything under it', () => {
    expect([ignored('node_modules'), ignored('node_modules/kafkajs/package.json'), ignored('dist/apps/gateway/src/main.js')]).toEqual([true, true, true]);
  });

  it('matches from the context’s root, not anywhere in the tree', () => {
    expect([ignored('apps/cli/node_modules'), ignored('deploy/kubernetes/secrets/x.env'), ignored('deploy/kubernetes/apps')]).toEqual([false, true, false]);
  });

  it('lets a later ! pattern take a path back in', () => {
    expect([ignored('broker.log'), ignored('keep.log')]).toEqual([true, false]);
  });
});
