/** Small manifests shared by the reliability rule tests. */

/** A Deployment `web` (labels app=web) with the given spec lines inserted before `selector`. */
export const deployment = (extra = '', name = 'web', containerExtra = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
${extra}  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
${containerExtra}`;

export const service = { path: 'svc.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n' };

export const hpa = (min: number | undefined, target = 'web'): { path: string; text: string } => ({
  path: 'hpa.yaml',
  text: `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${target}}\n${min === undefined ? '' : `  minReplicas: ${min}\n`}  maxReplicas: 10\n`,
});

export const pdb = { path: 'pdb.yaml', text: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: web}\n' };
