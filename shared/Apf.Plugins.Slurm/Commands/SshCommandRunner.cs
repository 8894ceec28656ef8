using System.Text;
using Renci.SshNet;

namespace Apf.Plugins.Slurm.Commands;

/// <summary>
/// Runs commands on a submit host over SSH (SSH.NET, key-based authentication). SSH carries one command
/// string, so every word is quoted with <see cref="ShellQuote"/>; the remote account's shell must be a
/// POSIX shell (sh, bash, dash, zsh, ksh). One connection is kept and reopened when it drops.
/// </summary>
public sealed class SshCommandRunner : ICommandRunner
{
    private readonly SshTarget _target;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private SshClient? _client;

    public SshCommandRunner(SshTarget target, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, TimeProvider? timeProvider = null)
    {
        _target = target;
        _environment = environment;
        _timeout = timeout;
        _time = timeProvider ?? TimeProvider.System;
    }

    public string Where => $"ssh {_target}";

    public async Task<CommandResult> RunAsync(CommandLine command, CancellationToken cancellationToken)
    {
        var text = ShellQuote.Command(command.Program, command.Arguments, _environment);
        // Without input the command reads /dev/null: an unused SSH input stream is never closed with EOF,
        // and a command that reads standard input would wait for it forever.
        var stdin = command.StandardInput is { Length: > 0 } input ? Encoding.UTF8.GetBytes(input) : null;
        if (stdin is null) text += " </dev/null";
        using var deadline = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var client = await ConnectedClientAsync(linked.Token).ConfigureAwait(false);
            using var remote = client.CreateCommand(text, Encoding.UTF8);
            var running = remote.ExecuteAsync(linked.Token);
            if (stdin is not null)
            {
                // Closing the input stream sends EOF, which commands reading standard input (sbatch) wait for.
                await using var stream = remote.CreateInputStream();
                await stream.WriteAsync(stdin, linked.Token).ConfigureAwait(false);
            }
            await running.ConfigureAwait(false);
            return new CommandResult(remote.ExitStatus ?? -1, remote.Result, remote.Error);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"'{command.Program}' on {_target} did not finish within {_timeout.TotalSeconds} s");
        }
    }

    private async Task<SshClient> ConnectedClientAsync(CancellationToken cancellationToken)
    {
        await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_client is { IsConnected: true } connected) return connected;
            _client?.Dispose();
            var key = new PrivateKeyFile(_target.KeyFile);
            var info = new ConnectionInfo(_target.Host, _target.Port, _target.User, new PrivateKeyAuthenticationMethod(_target.User, key));
            var client = new SshClient(info);
            if (_target.HostKeySha256 is { } pinned)
                client.HostKeyReceived += (_, e) => e.CanTrust = SameFingerprint(e.FingerPrintSHA256, pinned);
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            _client = client;
            return client;
        }
        finally
        {
            _connecting.Release();
        }
    }

    internal static bool SameFingerprint(string offered, string pinned)
    {
        static string Canonical(string f) => f.Trim().Replace("SHA256:", "", StringComparison.OrdinalIgnoreCase).TrimEnd('=');
        return string.Equals(Canonical(offered), Canonical(pinned), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _client?.Dispose();
        _connecting.Dispose();
    }
}
