using Apf.Core.Plugins;
using Apf.Plugins.HTCondor.ClassAds;
using Apf.Plugins.HTCondor.Commands;
using Apf.Plugins.HTCondor.Status;
using Apf.Plugins.HTCondor.Submit;

namespace Apf.Plugins.HTCondor;

public static class HTCondorPlugins
{
    /// <summary>
    /// Batch status "Condor"; batch submit "CondorLocal", "CondorGrid", "CondorCE", "CondorARC", "CondorSSH".
    /// Tests may register an <see cref="ICondorCommands"/> and a <see cref="TimeProvider"/> in the services.
    /// </summary>
    public static PluginCatalog AddHTCondorPlugins(this PluginCatalog catalog)
    {
        catalog.AddBatchStatus("Condor", CreateStatus);
        AddSubmit(catalog, "CondorLocal", CondorFlavour.Local);
        AddSubmit(catalog, "CondorGrid", CondorFlavour.Grid);
        AddSubmit(catalog, "CondorCE", CondorFlavour.CE);
        AddSubmit(catalog, "CondorARC", CondorFlavour.Arc);
        AddSubmit(catalog, "CondorSSH", CondorFlavour.Ssh);
        return catalog;
    }

    private static void AddSubmit(PluginCatalog catalog, string name, CondorFlavour flavour) =>
        catalog.AddBatchSubmit(name, context =>
        {
            var prefix = PluginCatalog.KeyPrefix(PluginKind.BatchSubmit, name);
            var options = CondorSubmitOptions.Read(context.Settings, prefix, flavour);
            return new CondorBatchSubmit(Commands(context), options, Clock(context));
        });

    private static IBatchStatusPlugin CreateStatus(PluginContext context)
    {
        var prefix = PluginCatalog.KeyPrefix(PluginKind.BatchStatus, "Condor");
        var s = context.Settings;
        var connection = CondorConnection.Read(s, prefix);
        var attribute = s.String(prefix + "queueattribute", PilotAttributes.Queue)!.Trim();
        if (!System.Text.RegularExpressions.Regex.IsMatch(attribute, "^[A-Za-z_][A-Za-z0-9_]*$"))
        {
            s.Error(prefix + "queueattribute", $"'{attribute}' is not a ClassAd attribute name");
            attribute = PilotAttributes.Queue;
        }
        var format = s.Choice(prefix + "format", "json", ["json", "xml"], f => $"'{f}' is not json or xml") == "xml" ? ClassAdFormat.Xml : ClassAdFormat.Json;
        var options = new CondorBatchStatusOptions
        {
            Factory = context.Factory.FactoryId,
            QueueAttribute = attribute,
            AllFactories = s.Bool(prefix + "allfactories", false),
            ReadHistory = s.Bool(prefix + "history", true),
        };
        return new CondorBatchStatus(new CondorJobReader(Commands(context), connection, attribute, format), options, Clock(context));
    }

    private static ICondorCommands Commands(PluginContext context) =>
        context.Services.GetService(typeof(ICondorCommands)) as ICondorCommands ?? new ProcessCondorCommands();

    private static TimeProvider Clock(PluginContext context) =>
        context.Services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
}
