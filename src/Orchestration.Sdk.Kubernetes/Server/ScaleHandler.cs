using System.Globalization;
using System.Text.Json.Nodes;
using k8s.Models;
using Microsoft.AspNetCore.Http;
using Orchestration.Sdk.Kubernetes.Discovery;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk.Kubernetes.Server;

/// <summary>
/// The scale subresource (autoscaling/v1 Scale) of Deployments and ReplicaSets: GET, PUT, and the PATCH
/// <c>kubectl scale</c> sends (<c>{"spec":{"replicas":N}}</c> as a merge or strategic merge patch; only
/// <c>spec.replicas</c> is writable on a Scale, so reading that one field is the whole patch).
/// </summary>
internal sealed class ScaleHandler(ApiStorage storage)
{
    public async Task HandleAsync(HttpContext context, ApiRequest request, CancellationToken cancellationToken)
    {
        var kind = request.Kind;
        var ns = request.Namespace ?? "default";
        var current = await storage.GetAsync(kind, ns, request.Name!, cancellationToken).ConfigureAwait(false) ?? throw ApiError.NotFound(kind, request.Name!);
        if (request.Verb is "update" or "patch")
        {
            var body = await ResourceHandler.ReadBodyAsync(context, cancellationToken).ConfigureAwait(false);
            var (replicas, version) = Parse(body, request.Name!);
            current = await storage.ScaleAsync(kind, ns, request.Name!, replicas, version, cancellationToken).ConfigureAwait(false);
        }
        else if (request.Verb != "get")
        {
            throw ApiError.MethodNotAllowed($"{request.Verb} is not supported on the scale subresource");
        }

        await ApiResponse.ObjectAsync(context, 200, ToScale(current), cancellationToken).ConfigureAwait(false);
    }

    private static (int Replicas, long? Version) Parse(string body, string name)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw ApiError.BadRequest($"the object provided is unrecognized: {e.Message}");
        }

        var replicas = node?["spec"]?["replicas"] ?? throw ApiError.BadRequest("the scale patch must set spec.replicas");
        var value = replicas.GetValueKind() == System.Text.Json.JsonValueKind.Number ? replicas.GetValue<int>() : throw ApiError.BadRequest("spec.replicas must be an integer");
        if (value < 0)
        {
            throw new ApiError(422, "Invalid", $"Scale.autoscaling \"{name}\" is invalid: spec.replicas: Invalid value: {value.ToString(CultureInfo.InvariantCulture)}: must be greater than or equal to 0",
                new V1StatusDetails
                {
                    Name = name,
                    Group = "autoscaling",
                    Kind = "Scale",
                    Causes = [new V1StatusCause { Field = "spec.replicas", Reason = "FieldValueInvalid", Message = $"Invalid value: {value.ToString(CultureInfo.InvariantCulture)}: must be greater than or equal to 0" }],
                });
        }

        var rv = node?["metadata"]?["resourceVersion"]?.GetValue<string>();
        return (value, long.TryParse(rv, CultureInfo.InvariantCulture, out var v) ? v : null);
    }

    private static V1Scale ToScale(Resource r)
    {
        var (spec, status, selector) = r switch
        {
            Deployment d => (d.Spec.Replicas, d.Status.Replicas, d.Spec.Selector),
            ReplicaSet rs => (rs.Spec.Replicas, rs.Status.Replicas, rs.Spec.Selector),
            _ => throw new ApiError($"{r.Kind} has no scale subresource"),
        };
        return new V1Scale
        {
            ApiVersion = "autoscaling/v1",
            Kind = "Scale",
            Metadata = Wire.MetaMapper.ToWire(r.Metadata, namespaced: true) with { Labels = null, Annotations = null, OwnerReferences = null, Generation = null },
            Spec = new V1ScaleSpec { Replicas = spec },
            Status = new V1ScaleStatus { Replicas = status, Selector = selector.ToString() },
        };
    }
}
