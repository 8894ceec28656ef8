using Apf.Core.Configuration;

namespace Apf.Factory.Configuration;

/// <summary>A configuration set by code (tests, the config service's client); <see cref="Set"/> replaces it.</summary>
public sealed class StaticConfigProvider(FactoryConfig initial) : IFactoryConfigProvider
{
    private FactoryConfig _current = initial;

    public FactoryConfig Current => Volatile.Read(ref _current);

    public event Action<FactoryConfig>? Changed;

    public void Set(FactoryConfig config)
    {
        Volatile.Write(ref _current, config);
        Changed?.Invoke(config);
    }
}
