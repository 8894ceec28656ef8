namespace Apf.Monitoring.State;

/// <summary>The last <c>capacity</c> items, oldest first; thread-safe. Keeps a queue's memory bounded however long the factory runs.</summary>
public sealed class RingBuffer<T>
{
    private readonly T[] _items;
    private readonly Lock _lock = new();
    private int _next;
    private int _count;

    public RingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new T[capacity];
    }

    public int Capacity => _items.Length;

    public void Add(T item)
    {
        lock (_lock)
        {
            _items[_next] = item;
            _next = (_next + 1) % _items.Length;
            if (_count < _items.Length) _count++;
        }
    }

    /// <summary>A copy, oldest first.</summary>
    public IReadOnlyList<T> ToList()
    {
        lock (_lock)
        {
            var list = new List<T>(_count);
            var first = (_next - _count + _items.Length) % _items.Length;
            for (var i = 0; i < _count; i++) list.Add(_items[(first + i) % _items.Length]);
            return list;
        }
    }
}
