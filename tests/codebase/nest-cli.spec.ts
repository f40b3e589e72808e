import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot } from '@hub/local-infra';

const root = findProjectRoot();

interface NestProject {
  type: 'application' | 'library';
  root: string;
  sourceRoot: string;
  entryFile: string;
}

const projects = Object.values((JSON.parse(readFileSync(join(root, 'nest-cli.json'), 'utf8')) as { projects: Record<string, NestProject> }).projects);
const folders = (parent: string) => readdirSync(join(root, parent), { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? [`${parent}/${entry.name}`] : []));

describe('nest-cli.json (the Nest monorepo map)', () => {
  it('lists every app under apps/ and every library under libs/, and nothing else', () => {
    const listed = projects.map((project) => `${project.type}:${project.root}`).sort();
    const present = [...folders('apps').map((folder) => `application:${folder}`), ...folders('libs').map((folder) => `library:${folder}`)].sort();
    expect(listed).toEqual(present);
  });

  it("points each project at its source folder and an entry file that exists (an app's main.ts, a library's index.ts)", () => {
    const wrong = projects.filter((project) => project.sourceRoot !== `${project.root}/src` || !existsSync(join(root, project.sourceRoot, `${project.entryFile}.ts`)));
    expect(wrong.map((project) => project.root)).toEqual([]);
  });
});
