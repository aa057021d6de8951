extern alias silo;

using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using silo::Escalation.Silo;

namespace Escalation.Api.Tests;

/// <summary>
/// A silo and the api talking over TLS on a self-signed certificate made here, and a client holding another
/// certificate kept out. Its own silo: the shared fixture's runs without TLS.
/// </summary>
public sealed class ClusterTlsTests
{
    private const string Password = "cluster-tls-test";

    [Fact]
    public async Task The_api_reaches_a_tls_silo_with_the_cluster_certificate_and_not_with_another()
    {
        using var directory = new TempDirectory();
        var certificate = directory.Certificate("cluster");
        var (siloPort, gatewayPort) = (ApiHost.FreePort(), ApiHost.FreePort());
        using var silo = await ApiFixture.StartSilo(
            siloPort,
            gatewayPort,
            new Dictionary<string, string?> { ["Cluster:Tls:CertificatePath"] = certificate, ["Cluster:Tls:CertificatePassword"] = Password },
            (orleans, configuration) => orleans.UseClusterTls(configuration));
        try
        {
            var (api, address) = await ApiHost.Start(Settings(gatewayPort, certificate));
            await using (api)
            {
                using var http = new HttpClient { BaseAddress = address };
                var login = await http.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = "demo" });
                Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            }

            // Another certificate gets no session on the gateway: the silo ends the connection during or right after the handshake.
            using var stranger = X509CertificateLoader.LoadPkcs12FromFile(directory.Certificate("stranger"), Password);
            using var cluster = X509CertificateLoader.LoadPkcs12FromFile(certificate, Password);
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, gatewayPort);
            await using var tls = new SslStream(
                tcp.GetStream(), leaveInnerStreamOpen: false, (_, server, _, _) => server?.GetRawCertData().AsSpan().SequenceEqual(cluster.RawData) == true);
            var refused = await Record.ExceptionAsync(async () =>
            {
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "escalation-cluster", ClientCertificates = [stranger] });
                Assert.Equal(0, await tls.ReadAsync(new byte[1]).AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
            });
            Assert.True(refused is null or AuthenticationException or IOException, $"{refused}");
        }
        finally
        {
            await silo.StopAsync();
        }
    }

    private static Dictionary<string, string> Settings(int gatewayPort, string certificate) => new()
    {
        ["Cluster:GatewayPort"] = $"{gatewayPort}",
        ["Cluster:Tls:CertificatePath"] = certificate,
        ["Cluster:Tls:CertificatePassword"] = Password,
    };

    private sealed class TempDirectory : IDisposable
    {
        private readonly string path = System.IO.Directory.CreateTempSubdirectory("escalation-tls-").FullName;

        /// <summary>A self-signed certificate for server and client authentication, as a password-protected PKCS #12 file.</summary>
        public string Certificate(string name)
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            var file = Path.Combine(path, $"{name}.pfx");
            File.WriteAllBytes(file, certificate.Export(X509ContentType.Pfx, Password));
            return file;
        }

        public void Dispose() => System.IO.Directory.Delete(path, recursive: true);
    }
}
