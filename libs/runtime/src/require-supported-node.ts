/**
 * Imported first by every entry point (apps, the CLI, scripts): a process started on an older
 * Node.js stops here with a clear message, before the rest of the hub is even evaluated.
 */
import { isSupportedNode, unsupportedNodeMessage } from './supported-node.js';

if (!isSupportedNode(process.version)) {
  process.stderr.write(`${unsupportedNodeMessage(process.version, process.execPath)}\n`);
  process.exit(1);
}
