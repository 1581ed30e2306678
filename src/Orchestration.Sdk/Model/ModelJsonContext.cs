using System.Text.Json.Serialization;
using Orchestration.Sdk.Autoscaling;
using Orchestration.Sdk.Configuration;
using Orchestration.Sdk.Events;
using Orchestration.Sdk.Networking;
using Orchestration.Sdk.StatefulSets;
using Orchestration.Sdk.Storage;

namespace Orchestration.Sdk.Model;

/// <summary>
/// The source-generated JSON contracts of the built-in kinds (and of what the SDK hashes: a pod template, a name), so
/// the store's file, apply's three-way merge and the template hash work trimmed and under native AOT. The options are
/// System.Text.Json's defaults (the model's C# names, no naming policy), as the reflection-based serializer used before,
/// so files written by earlier versions read back unchanged.
/// </summary>
[JsonSerializable(typeof(Pod))]
[JsonSerializable(typeof(Deployment))]
[JsonSerializable(typeof(ReplicaSet))]
[JsonSerializable(typeof(StatefulSet))]
[JsonSerializable(typeof(Service))]
[JsonSerializable(typeof(Endpoints))]
[JsonSerializable(typeof(ConfigMap))]
[JsonSerializable(typeof(Secret))]
[JsonSerializable(typeof(PersistentVolumeClaim))]
[JsonSerializable(typeof(Node))]
[JsonSerializable(typeof(HorizontalPodAutoscaler))]
[JsonSerializable(typeof(Job))]
[JsonSerializable(typeof(CronJob))]
[JsonSerializable(typeof(Event))]
[JsonSerializable(typeof(PodTemplateSpec))]
[JsonSerializable(typeof(string))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
