using Orchestration.Sdk.Declaration;
using Orchestration.Sdk.Model;

namespace Orchestration.Sdk;

/// <summary>
/// The desired state of an application, declared in C#: deployments and pods (more kinds to come), recorded by fluent
/// builders. Nothing runs until the declaration is applied; <see cref="Build"/> first validates everything and, when
/// anything is wrong, throws one <see cref="DeclarationValidationException"/> listing every problem, so an invalid
/// declaration changes nothing.
/// </summary>
/// <example>
/// <code>
/// var app = new AppDeclaration();
/// app.AddDeployment("web").WithImage("shop-web:2").WithReplicas(3).WithResources(cpu: "250m", memory: "256Mi");
/// app.AddPod("migrate").WithImage("shop-migrate:2").WithRestartPolicy(RestartPolicy.OnFailure);
/// IReadOnlyList&lt;Resource&gt; objects = app.Build();
/// </code>
/// </example>
public sealed partial class AppDeclaration
{
    private readonly List<IResourceBuilder> _builders = [];
    private string _namespace = "default";

    /// <summary>
    /// The namespace every declared object is created in; a DNS-1123 label.
    /// <value>The default value is "default".</value>
    /// </summary>
    public string Namespace
    {
        get => _namespace;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _namespace = value;
        }
    }

    /// <summary>The builders, in declaration order.</summary>
    internal IReadOnlyList<IResourceBuilder> Builders => _builders;

    /// <summary>
    /// Declares a Deployment. The name must be a DNS-1123 subdomain, as in Kubernetes (at most 253 lower-case letters,
    /// digits, '-' and '.'). It names the primary container and is the <c>app</c> label the deployment selects its pods
    /// by; a name that is not a DNS-1123 label gives a container name with '-' for '.' cut to 63 characters, and a
    /// name longer than 63 characters an <c>app</c> label of its first 56 characters, '-' and a hash of the whole name.
    /// Pod names are cut as the API server's generateName cuts them (at most 63 characters).
    /// </summary>
    /// <param name="name">The deployment's name, unique among the declaration's deployments.</param>
    /// <returns>The builder, to configure the deployment.</returns>
    public DeploymentBuilder AddDeployment(string name) => Add(new DeploymentBuilder(name));

    /// <summary>
    /// Declares a standalone pod (any restart policy; not replaced when lost). The name must be a DNS-1123 subdomain;
    /// its host name is the name cut to 63 characters.
    /// </summary>
    /// <param name="name">The pod's name, unique among the declaration's pods.</param>
    /// <returns>The builder, to configure the pod.</returns>
    public PodBuilder AddPod(string name) => Add(new PodBuilder(name));

    /// <summary>Validates the whole declaration without throwing.</summary>
    /// <returns>Every problem found, in declaration order; empty when the declaration is valid.</returns>
    public IReadOnlyList<ValidationError> Validate() => Compile().Errors;

    /// <summary>
    /// Validates the whole declaration, then returns the objects it declares (Deployments and Pods with their metadata
    /// name, namespace and labels; the store assigns uid, resourceVersion and the rest).
    /// </summary>
    /// <returns>The declared objects, in declaration order.</returns>
    /// <exception cref="DeclarationValidationException">Anything is invalid; every problem is listed.</exception>
    public IReadOnlyList<Resource> Build()
    {
        var (resources, errors) = Compile();
        return errors.Count == 0 ? resources : throw new DeclarationValidationException(errors);
    }

    /// <summary>Adds a builder; the way later kinds (services, config maps …) join a declaration.</summary>
    internal TBuilder Add<TBuilder>(TBuilder builder)
        where TBuilder : class, IResourceBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        _builders.Add(builder);
        return builder;
    }

    private (IReadOnlyList<Resource> Resources, IReadOnlyList<ValidationError> Errors) Compile()
    {
        var errors = new List<ValidationError>();
        MetadataValidator.ValidateNamespace(Namespace, new FieldPath("namespace"), errors);

        var resources = new List<Resource>();
        var seen = new HashSet<(string Kind, string Name)>();
        var context = new DeclarationContext(Namespace, _builders);
        foreach (var builder in _builders)
        {
            if (!seen.Add((builder.Kind, builder.Name)))
            {
                errors.Add(FieldErrors.Duplicate(FieldPath.Of(builder.Kind, builder.Name), builder.Name));
            }

            // One builder's problems together, ordered by field path: metadata, then spec field by field.
            context.Errors.Clear();
            var built = builder.Build(context);
            var found = new List<ValidationError>(context.Errors);
            foreach (var resource in built)
            {
                found.AddRange(ResourceValidator.Validate(resource, validateNamespace: false));
            }

            errors.AddRange(found.OrderBy(e => e.Field, StringComparer.Ordinal));
            resources.AddRange(built);
        }

        return (resources, errors);
    }
}
