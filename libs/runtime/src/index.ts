// The version check runs when this module is first evaluated, so an entry point imports it first.
import './require-supported-node.js';

export { nodeRuntime } from './node-runtime.js';
export { isSupportedNode, MINIMUM_NODE_VERSION, unsupportedNodeMessage } from './supported-node.js';
