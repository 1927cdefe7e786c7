/** A small valid StatefulSet whose only finding is grace-period-zero (and service-missing). */
export const statefulSetYaml = (name = 'web'): string => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
spec:
  serviceName: ${name}
  replicas: 2
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      terminationGracePeriodSeconds: 0
      containers:
        - name: app
          image: nginx
`;
