export { FakeGitHub, type Fault, type FaultKind, type RecordedRequest } from './server.js';
export { ACTIONS_BOT, RepoState, type CheckRun, type Issue, type PullFile, type Review, type ReviewComment } from './state.js';
export { githubPatch, patchLines } from './patch.js';
export { blobSha, treeOf } from './git-objects.js';
