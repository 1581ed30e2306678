using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Orchestration.Sdk.Kubernetes.Security;

/// <summary>
/// The app's own certificate authority and the serving certificate it signs. With a directory, the CA (ca.crt, ca.key,
/// owner-only files) is kept there and reused, so a kubeconfig written once keeps being trusted across restarts.
/// </summary>
internal sealed class CertificateAuthority : IDisposable
{
    private const string CertFile = "ca.crt";
    private const string KeyFile = "ca.key";

    private CertificateAuthority(X509Certificate2 ca)
    {
        Certificate = ca;
    }

    /// <summary>The CA certificate (with its key).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The CA certificate as PEM, for a kubeconfig's certificate-authority-data.</summary>
    public string CertificatePem => Certificate.ExportCertificatePem();

    /// <summary>Loads the CA from <paramref name="directory"/>, or creates one (and saves it there when a directory is given).</summary>
    public static CertificateAuthority LoadOrCreate(string? directory, string commonName, TimeProvider time)
    {
        if (directory is not null && File.Exists(Path.Combine(directory, CertFile)) && File.Exists(Path.Combine(directory, KeyFile)))
        {
            return new CertificateAuthority(X509Certificate2.CreateFromPemFile(Path.Combine(directory, CertFile), Path.Combine(directory, KeyFile)));
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = time.GetUtcNow();
        var ca = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
            OwnerOnlyFile.Write(Path.Combine(directory, KeyFile), key.ExportPkcs8PrivateKeyPem());
            OwnerOnlyFile.Write(Path.Combine(directory, CertFile), ca.ExportCertificatePem());
        }

        return new CertificateAuthority(ca);
    }

    /// <summary>A serving certificate for localhost, the loopback addresses and <paramref name="address"/>, valid for a year.</summary>
    public X509Certificate2 IssueServerCertificate(IPAddress address, TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=orchestration-apiserver", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddDnsName("kubernetes.default.svc");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        if (!address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any) && !IPAddress.IsLoopback(address))
        {
            names.AddIpAddress(address);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = time.GetUtcNow();
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var signed = request.Create(Certificate, now.AddMinutes(-5), now.AddYears(1), serial);
        using var withKey = signed.CopyWithPrivateKey(key);

        // Kestrel on Linux wants a certificate whose key it can use from any thread: a PKCS#12 round trip gives one.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    public void Dispose() => Certificate.Dispose();
}
