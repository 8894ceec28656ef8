using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Apf.Testing;

/// <summary>
/// A private rabbitmq-server started from the installed package: its own node name, free ports,
/// data, logs, Erlang cookie and enabled plugins (management) in a temp folder, so it disturbs no
/// other broker on the machine. Stop and start keep the folder and ports (a restart, as a crash
/// and recovery looks to clients).
/// </summary>
internal sealed class RabbitMqProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly string _server;
    private readonly string _ctl;
    private readonly string _folder;
    private readonly string _node;
    private readonly int _amqpPort;
    private readonly int _managementPort;
    private readonly int _distPort;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private RabbitMqProcess(string server, string ctl)
    {
        _server = server;
        _ctl = ctl;
        _folder = Directory.CreateTempSubdirectory("apf-rabbitmq-").FullName;
        var ports = FreePorts.Take(3);
        (_amqpPort, _managementPort, _distPort) = (ports[0], ports[1], ports[2]);
        _node = $"apftest{Environment.ProcessId}x{Random.Shared.Next(100000)}@localhost";
        File.WriteAllText(Path.Combine(_folder, "rabbitmq.conf"),
            $"""
            listeners.tcp.default = 127.0.0.1:{_amqpPort}
            management.tcp.ip = 127.0.0.1
            management.tcp.port = {_managementPort}
            collect_statistics_interval = 500
            """ + "\n");
        File.WriteAllText(Path.Combine(_folder, "enabled_plugins"), "[rabbitmq_management].\n");
    }

    public RabbitMqEndpoint Endpoint => new(
        new Uri($"amqp://guest:guest@127.0.0.1:{_amqpPort}/"),
        new Uri($"http://127.0.0.1:{_managementPort}/"),
        "guest", "guest");

    public bool Running => _process is { HasExited: false };

    /// <summary>The installed server and control scripts, or null with the reason.</summary>
    public static (RabbitMqProcess? Process, string? Reason) Create()
    {
        // Debian's /usr/sbin wrapper switches to the rabbitmq user, who cannot read a private temp
        // folder: call the real scripts directly.
        string[] folders = ["/usr/lib/rabbitmq/bin", .. (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)];
        foreach (var folder in folders)
        {
            var server = Path.Combine(folder, "rabbitmq-server");
            var ctl = Path.Combine(folder, "rabbitmqctl");
            if (File.Exists(server) && File.Exists(ctl)) return (new RabbitMqProcess(server, ctl), null);
        }
        return (null, "rabbitmq-server is not installed (run scripts/rabbitmq/install-rabbitmq.sh as root)");
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Running) return;
        var start = Info(_server);
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForManagementAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            await RunCtlAsync(["-n", _node, "stop"], TimeSpan.FromSeconds(60), cancellationToken);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TimeSpan.FromSeconds(30));
            try { await _process.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        try { await StopAsync(CancellationToken.None); }
        catch (Exception) { _process?.Kill(entireProcessTree: true); }
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a log still open: the temp folder is cleaned by the OS */ }
    }

    private async Task WaitForManagementAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("guest:guest"u8.ToArray()));
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process is null || _process.HasExited)
                throw new InvalidOperationException($"rabbitmq-server exited during start-up: {Tail()}");
            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint.ManagementUri, "api/overview"), cancellationToken);
                if (response.IsSuccessStatusCode && await FreePorts.AnswersAsync("127.0.0.1", _amqpPort, TimeSpan.FromSeconds(2))) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException($"rabbitmq-server did not answer within {StartTimeout.TotalSeconds} s: {Tail()}");
    }

    private async Task RunCtlAsync(IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = Info(_ctl);
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var ctl = Process.Start(info)!;
        var stdout = ctl.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = ctl.StandardError.ReadToEndAsync(cancellationToken);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try { await ctl.WaitForExitAsync(wait.Token); }
        catch (OperationCanceledException) { ctl.Kill(entireProcessTree: true); throw; }
        await Task.WhenAll(stdout, stderr);
    }

    private ProcessStartInfo Info(string program)
    {
        var info = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder,
        };
        var env = info.Environment;
        env["HOME"] = _folder; // a private Erlang cookie
        env["RABBITMQ_NODENAME"] = _node;
        env["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        env["RABBITMQ_NODE_PORT"] = _amqpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["RABBITMQ_DIST_PORT"] = _distPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["RABBITMQ_MNESIA_BASE"] = Path.Combine(_folder, "mnesia");
        env["RABBITMQ_LOG_BASE"] = Path.Combine(_folder, "log");
        env["RABBITMQ_CONFIG_FILE"] = Path.Combine(_folder, "rabbitmq.conf");
        env["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_folder, "enabled_plugins");
        env["RABBITMQ_PID_FILE"] = Path.Combine(_folder, "rabbitmq.pid");
        return info;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            if (_output.Length > 20_000) _output.Remove(0, 10_000);
            _output.AppendLine(line);
        }
    }

    private string Tail()
    {
        lock (_output)
        {
            var text = _output.ToString().Trim();
            return text.Length <= 2000 ? text : text[^2000..];
        }
    }
}
