export { HUB_APPS, secretSettingsOf, type HubApp } from './hub-apps.js';
export { hubTopics } from './hub-topics.js';
export { KEY_RINGS, SECRET_SETTINGS, SIGNING_KEYS, type KeyRing, type SecretSetting, type SigningKey } from './secret-settings.js';
export { writeDeploymentSecrets } from './deployment-secrets.js';
export { renderKubernetes, type RenderedFile } from './kubernetes/render-kubernetes.js';
export { SECRETS_FOLDER } from './kubernetes/kustomization.js';
export { strimziAcl } from './kubernetes/kafka-users.js';
export { parseDockerfile, stageInstructions, DockerfileError, type DockerInstruction, type DockerStage } from './image/dockerfile.js';
export { dockerIgnore } from './image/docker-ignore.js';
