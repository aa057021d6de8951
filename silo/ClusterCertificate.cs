using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Orleans.Connections.Security;

namespace Escalation.Cluster;

/// <summary>
/// TLS on the silo and gateway ports (<c>Cluster:Tls:CertificatePath</c>, a PKCS #12 file, and
/// <c>Cluster:Tls:CertificatePassword</c>), off unless a certificate is configured. Every silo and api instance
/// presents the same cluster certificate and accepts only a peer that presents it too (mutual TLS pinned to that
/// certificate), so a self-signed certificate serves as well as one from a CA, and no other certificate gets in.
/// The silo and the api compile this one file.
/// </summary>
internal static class ClusterCertificate
{
    public const string SectionName = "Cluster:Tls";

    public static X509Certificate2? Load(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        return section["CertificatePath"] is { Length: > 0 } path
            ? X509CertificateLoader.LoadPkcs12FromFile(path, section["CertificatePassword"])
            : null;
    }

    public static void RequireSame(TlsOptions options, X509Certificate2 certificate)
    {
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (remote, _, _) => remote.RawDataMemory.Span.SequenceEqual(certificate.RawDataMemory.Span);
    }
}
