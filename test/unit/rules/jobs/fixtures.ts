/**
 * @fileoverview A CronJob snippet shared by the CronJob rule tests: `extra` is inserted as
 * `spec` fields (two-space indented lines, each ending with a newline) before `jobTemplate`.
 * Line numbers: `schedule` is line 6, `extra` starts at line 7.
 */
export const cron = (extra: string): string => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: r
spec:
  schedule: "0 3 * * *"
${extra}  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: r
            image: app:1.0
`;
