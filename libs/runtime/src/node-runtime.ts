/** The Node.js this process runs on, as start-up lines name it: `Node.js v24.22.3`. */
export function nodeRuntime(): string {
  return `Node.js ${process.version}`;
}
