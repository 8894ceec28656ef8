using System.Text.Json;
using Apf.Contracts;

namespace Apf.Factory.Submitting;

/// <summary>
/// The Submitter's record of commands applied, one small file per command id under the factory's work
/// folder. A redelivered command that finds its record is answered from it and never applied again.
/// The batch system itself (pilot labels) is the second line of defence, for a submitter that died
/// between submitting and writing the record.
/// </summary>
public sealed class SubmitLedger(string directory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Directory { get; } = directory;

    public PilotsSubmitted? Find(Guid commandId)
    {
        var path = PathOf(commandId);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<PilotsSubmitted>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null; // a torn write: fall back to asking the batch system
        }
    }

    public void Record(PilotsSubmitted result)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = PathOf(result.CommandId);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(result, Json));
        File.Move(temp, path, overwrite: true); // atomic: readers see the old record or the whole new one
    }

    private string PathOf(Guid commandId) => Path.Combine(Directory, $"{commandId:N}.json");
}
