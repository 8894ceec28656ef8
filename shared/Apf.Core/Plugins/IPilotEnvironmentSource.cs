namespace Apf.Core.Plugins;

/// <summary>
/// Optional for WMS status plugins: tells the pilot where to pull work from (for example the directory
/// queue's folder), added to every pilot's environment when it is submitted.
/// </summary>
public interface IPilotEnvironmentSource
{
    void AddPilotEnvironment(string wmsQueue, IDictionary<string, string> environment);
}
