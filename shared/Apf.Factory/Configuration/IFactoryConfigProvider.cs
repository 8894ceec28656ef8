using Apf.Core.Configuration;

namespace Apf.Factory.Configuration;

/// <summary>
/// The configuration in force. Services read <see cref="Current"/> at every cycle, so a change applies
/// at the next cycle without a restart.
/// </summary>
public interface IFactoryConfigProvider
{
    FactoryConfig Current { get; }

    /// <summary>Raised after a new configuration has been validated and put in force.</summary>
    event Action<FactoryConfig>? Changed;
}
