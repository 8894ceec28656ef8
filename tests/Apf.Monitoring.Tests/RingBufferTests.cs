using Apf.Monitoring.State;

namespace Apf.Monitoring.Tests;

public class RingBufferTests
{
    [Fact]
    public void Keeps_the_newest_items_oldest_first()
    {
        var ring = new RingBuffer<int>(3);
        Assert.Empty(ring.ToList());
        ring.Add(1);
        ring.Add(2);
        Assert.Equal([1, 2], ring.ToList());
        for (var i = 3; i <= 10; i++) ring.Add(i);
        Assert.Equal([8, 9, 10], ring.ToList());
    }

    [Fact]
    public void Refuses_a_capacity_below_one() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RingBuffer<int>(0));
}
