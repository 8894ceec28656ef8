namespace Apf.Plugins.Wms.Http;

/// <summary>Reads a token or password from its file. The content never appears in messages.</summary>
public static class SecretFile
{
    public static string Read(string path, string what)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WmsException($"the {what} file {path} cannot be read: {e.GetType().Name}");
        }
        if (text.Length == 0) throw new WmsException($"the {what} file {path} is empty");
        if (text.Any(char.IsControl)) throw new WmsException($"the {what} file {path} holds more than one line");
        return text;
    }
}

/// <summary>A WMS could not be read; the message says which and why, without credentials.</summary>
public sealed class WmsException(string message, Exception? inner = null) : Exception(message, inner);
