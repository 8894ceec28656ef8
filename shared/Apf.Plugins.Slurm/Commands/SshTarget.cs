namespace Apf.Plugins.Slurm.Commands;

/// <summary>
/// A Slurm submit host reached over SSH with a private key. <see cref="HostKeySha256"/>, when set, pins the
/// host key (the base64 SHA-256 fingerprint <c>ssh-keygen -lf</c> prints, with or without "SHA256:").
/// </summary>
public sealed record SshTarget(string Host, int Port, string User, string KeyFile, string? HostKeySha256 = null)
{
    public override string ToString() => $"{User}@{Host}:{Port}";

    /// <summary>"host:port:user:keyfile", the form of the APF_TEST_SSH variable the test scripts export.</summary>
    public static bool TryParse(string? text, out SshTarget target)
    {
        target = null!;
        var parts = text?.Split(':', 4);
        if (parts is not { Length: 4 } || !int.TryParse(parts[1], out var port)) return false;
        target = new SshTarget(parts[0], port, parts[2], parts[3]);
        return true;
    }
}
