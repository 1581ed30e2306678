using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Orchestration.Sdk.Hosting;

/// <summary>Registers an options class with its validator, checked when the host starts.</summary>
internal static class OptionsValidationExtensions
{
    /// <summary>
    /// Adds <typeparamref name="TValidator"/> (once) and <c>ValidateOnStart</c>, so a bad value fails the host's start
    /// with an <see cref="OptionsValidationException"/> naming the option and the rule, before any component runs.
    /// </summary>
    public static IServiceCollection AddValidatedOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TValidator>(this IServiceCollection services)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services;
    }
}
