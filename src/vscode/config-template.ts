/**
 * @fileoverview The `.kubeplan.yaml` that "KubePlan: Create .kubeplan.yaml" writes (no `vscode`
 * import, so a unit test checks that the config reader accepts it).
 */

/** A starter `.kubeplan.yaml`, every setting shown with its default. */
export const CONFIG_TEMPLATE = `# KubePlan configuration for this folder and the ones below it.
# The kubeplan.* settings you set explicitly in VS Code override it, key by key.
kubernetesVersion: "1.32"
# baseline or restricted (Pod Security Standards)
podSecurity: baseline
# Namespace of manifests that set none
defaultNamespace: default
# false leaves schema validation to another tool (the Red Hat YAML extension, kubeconform)
schemaValidation: true
# Files not to lint (globs relative to this file)
ignore: []
# Rule severities: off, info, warning, error (or [severity, {options}]),
# e.g. rules: { no-latest-image-tag: error, require-liveness-probe: off }
rules: {}
`;
