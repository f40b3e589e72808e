/** The user the image runs as (the node image's `node`, uid 1000), never root. */
export const HUB_USER_ID = 1000;

/** A pod as the restricted Pod Security Standard asks: not root, the runtime's seccomp profile, no service account token. */
export const hardenedPod = () => ({
  automountServiceAccountToken: false,
  securityContext: { runAsNonRoot: true, runAsUser: HUB_USER_ID, runAsGroup: HUB_USER_ID, fsGroup: HUB_USER_ID, seccompProfile: { type: 'RuntimeDefault' } },
});

/** A container that cannot gain privileges, holds no capability and cannot write its image. */
export const hardenedContainer = () => ({
  securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
});
