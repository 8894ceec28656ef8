namespace Apf.Factory.Scheduling;

/// <summary>Pilots over all queues of the factory (pending includes in-flight), for MaxPerFactory.</summary>
public readonly record struct FactoryTotals(int Pending, int Running);
