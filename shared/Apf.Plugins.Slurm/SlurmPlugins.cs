using Apf.Core.Plugins;
using Apf.Plugins.Slurm.Status;
using Apf.Plugins.Slurm.Submit;

namespace Apf.Plugins.Slurm;

/// <summary>
/// Registers batch status and batch submit "Slurm" (commands on this host, or on a submit host when
/// <c>ssh.host</c> is set) and "SlurmSsh" (the same, with <c>ssh.host</c> required).
/// </summary>
public static class SlurmPlugins
{
    public static PluginCatalog AddSlurmPlugins(this PluginCatalog catalog) => catalog
        .AddBatchStatus("Slurm", c => CreateStatus(c, sshRequired: false))
        .AddBatchStatus("SlurmSsh", c => CreateStatus(c, sshRequired: true))
        .AddBatchSubmit("Slurm", c => CreateSubmit(c, sshRequired: false))
        .AddBatchSubmit("SlurmSsh", c => CreateSubmit(c, sshRequired: true));

    private static SlurmBatchStatusPlugin CreateStatus(PluginContext context, bool sshRequired)
    {
        var prefix = PluginCatalog.KeyPrefix(PluginKind.BatchStatus, context.PluginName);
        var connection = ReadConnection(context, prefix, sshRequired);
        var time = TimeOf(context);
        return new SlurmBatchStatusPlugin(new SlurmClient(connection.CreateRunner(time), connection.Format),
            context.Factory.FactoryId, time, connection.LookupLimit, connection.UseSacct);
    }

    private static SlurmBatchSubmitPlugin CreateSubmit(PluginContext context, bool sshRequired)
    {
        var prefix = PluginCatalog.KeyPrefix(PluginKind.BatchSubmit, context.PluginName);
        var connection = ReadConnection(context, prefix, sshRequired);
        var options = SbatchOptions.Read(context.Settings, prefix);
        return new SlurmBatchSubmitPlugin(new SlurmClient(connection.CreateRunner(TimeOf(context)), connection.Format), options);
    }

    private static SlurmConnection ReadConnection(PluginContext context, string prefix, bool sshRequired)
    {
        var connection = SlurmConnection.Read(context.Settings, prefix);
        if (sshRequired && connection.Ssh is null) context.Settings.Error(prefix + "ssh.host", $"is required by the {context.PluginName} plugin");
        return connection;
    }

    private static TimeProvider TimeOf(PluginContext context) =>
        context.Services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
}
