namespace Apf.Scheduling;

/// <summary>
/// Plugins compute in long and saturate to int, so extreme figures never wrap around into a
/// huge submission (an overflow must not turn "retire" into "submit").
/// </summary>
internal static class Arithmetic
{
    public static int Saturate(long value) =>
        value > int.MaxValue ? int.MaxValue : value < int.MinValue ? int.MinValue : (int)value;

    public static int Saturate(double value) =>
        double.IsNaN(value) ? 0 : value >= int.MaxValue ? int.MaxValue : value <= int.MinValue ? int.MinValue : (int)value;
}
