namespace Orchestration.Sdk.Kubernetes.Wire;

/// <summary>
/// The protobuf field numbers of the messages kubectl's typed clients send (kubectl 1.32 posts <c>create configmap</c>,
/// <c>create secret</c>, <c>create deployment</c>… as <c>application/vnd.kubernetes.protobuf</c>), as
/// Kubernetes' generated.proto numbers them. Fields the SDK does not model are left out and skipped when read.
/// Types: s string (default), i integer, b bool, y bytes, m map&lt;string,string&gt;, ym map&lt;string,bytes&gt;,
/// qm map&lt;string,Quantity&gt;, io IntOrString, a message name; [T] is repeated; ^T is inlined into its parent
/// (Kubernetes' embedded structs, as <c>LocalObjectReference</c>).
/// </summary>
internal static class ProtobufSchema
{
    public const string Text = """
        ObjectMeta: 1 name; 2 generateName; 3 namespace; 5 uid; 6 resourceVersion; 7 generation:i; 11 labels:m; 12 annotations:m; 13 ownerReferences:[OwnerReference]; 14 finalizers:[s]
        OwnerReference: 5 apiVersion; 1 kind; 3 name; 4 uid; 6 controller:b; 7 blockOwnerDeletion:b
        LabelSelector: 1 matchLabels:m
        ConfigMap: 1 metadata:ObjectMeta; 2 data:m; 3 binaryData:ym; 4 immutable:b
        Secret: 1 metadata:ObjectMeta; 2 data:ym; 3 type; 4 stringData:m; 5 immutable:b
        Service: 1 metadata:ObjectMeta; 2 spec:ServiceSpec
        ServiceSpec: 1 ports:[ServicePort]; 2 selector:m; 3 clusterIP; 4 type; 7 sessionAffinity
        ServicePort: 1 name; 2 protocol; 3 port:i; 4 targetPort:io; 5 nodePort:i
        Deployment: 1 metadata:ObjectMeta; 2 spec:DeploymentSpec
        DeploymentSpec: 1 replicas:i; 2 selector:LabelSelector; 3 template:PodTemplateSpec; 4 strategy:DeploymentStrategy; 5 minReadySeconds:i; 6 revisionHistoryLimit:i; 7 paused:b; 9 progressDeadlineSeconds:i
        DeploymentStrategy: 1 type; 2 rollingUpdate:RollingUpdateDeployment
        RollingUpdateDeployment: 1 maxUnavailable:io; 2 maxSurge:io
        ReplicaSet: 1 metadata:ObjectMeta; 2 spec:ReplicaSetSpec
        ReplicaSetSpec: 1 replicas:i; 2 selector:LabelSelector; 3 template:PodTemplateSpec; 4 minReadySeconds:i
        Pod: 1 metadata:ObjectMeta; 2 spec:PodSpec
        PodTemplateSpec: 1 metadata:ObjectMeta; 2 spec:PodSpec
        Job: 1 metadata:ObjectMeta; 2 spec:JobSpec
        JobSpec: 1 parallelism:i; 2 completions:i; 3 activeDeadlineSeconds:i; 4 selector:LabelSelector; 5 manualSelector:b; 6 template:PodTemplateSpec; 7 backoffLimit:i; 8 ttlSecondsAfterFinished:i; 9 completionMode; 10 suspend:b; 14 podReplacementPolicy
        CronJob: 1 metadata:ObjectMeta; 2 spec:CronJobSpec
        CronJobSpec: 1 schedule; 2 startingDeadlineSeconds:i; 3 concurrencyPolicy; 4 suspend:b; 5 jobTemplate:JobTemplateSpec; 6 successfulJobsHistoryLimit:i; 7 failedJobsHistoryLimit:i; 8 timeZone
        JobTemplateSpec: 1 metadata:ObjectMeta; 2 spec:JobSpec
        PodSpec: 1 volumes:[Volume]; 2 containers:[Container]; 20 initContainers:[Container]; 3 restartPolicy; 4 terminationGracePeriodSeconds:i; 6 dnsPolicy; 7 nodeSelector:m; 10 nodeName; 19 schedulerName; 22 tolerations:[Toleration]
        Container: 1 name; 2 image; 3 command:[s]; 4 args:[s]; 5 workingDir; 6 ports:[ContainerPort]; 19 envFrom:[EnvFromSource]; 7 env:[EnvVar]; 8 resources:ResourceRequirements; 9 volumeMounts:[VolumeMount]; 10 livenessProbe:Probe; 11 readinessProbe:Probe; 22 startupProbe:Probe; 13 terminationMessagePath; 20 terminationMessagePolicy; 14 imagePullPolicy
        ContainerPort: 1 name; 2 hostPort:i; 3 containerPort:i; 4 protocol
        EnvVar: 1 name; 2 value; 3 valueFrom:EnvVarSource
        EnvVarSource: 3 configMapKeyRef:KeySelector; 4 secretKeyRef:KeySelector
        KeySelector: 1 x:^LocalObjectReference; 2 key; 3 optional:b
        EnvFromSource: 1 prefix; 2 configMapRef:EnvSource; 3 secretRef:EnvSource
        EnvSource: 1 x:^LocalObjectReference; 2 optional:b
        LocalObjectReference: 1 name
        ResourceRequirements: 1 limits:qm; 2 requests:qm
        VolumeMount: 1 name; 2 readOnly:b; 3 mountPath; 4 subPath
        Volume: 1 name; 2 x:^VolumeSource
        VolumeSource: 6 secret:SecretVolumeSource; 19 configMap:ConfigMapVolumeSource
        SecretVolumeSource: 1 secretName; 3 defaultMode:i; 4 optional:b
        ConfigMapVolumeSource: 1 x:^LocalObjectReference; 3 defaultMode:i; 4 optional:b
        Probe: 1 x:^ProbeHandler; 2 initialDelaySeconds:i; 3 timeoutSeconds:i; 4 periodSeconds:i; 5 successThreshold:i; 6 failureThreshold:i
        ProbeHandler: 1 exec:ExecAction; 2 httpGet:HTTPGetAction; 3 tcpSocket:TCPSocketAction
        ExecAction: 1 command:[s]
        HTTPGetAction: 1 path; 2 port:io; 3 host; 4 scheme
        TCPSocketAction: 1 port:io; 2 host
        Toleration: 1 key; 2 operator; 3 value; 4 effect; 5 tolerationSeconds:i
        HorizontalPodAutoscaler: 1 metadata:ObjectMeta; 2 spec:HorizontalPodAutoscalerSpec
        HorizontalPodAutoscalerSpec: 1 scaleTargetRef:CrossVersionObjectReference; 2 minReplicas:i; 3 maxReplicas:i; 4 targetCPUUtilizationPercentage:i
        CrossVersionObjectReference: 1 kind; 2 name; 3 apiVersion
        """;
}
