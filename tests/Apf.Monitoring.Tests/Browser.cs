using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Apf.Monitoring.Tests;

/// <summary>
/// Debian's chromium driven through its own chromedriver (scripts/browser/install-chromium.sh installs both).
/// Without them the browser tests skip visibly, except under CI=true where they fail.
/// </summary>
public sealed class Browser : IDisposable
{
    private readonly string _profile;

    private Browser(ChromeDriver driver, string profile)
    {
        Driver = driver;
        _profile = profile;
    }

    public ChromeDriver Driver { get; }

    public static Browser Start()
    {
        var chromium = Find("APF_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        var chromedriver = Find("APF_CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        if (chromium is null || chromedriver is null)
        {
            const string reason = "chromium and chromedriver not found (run scripts/browser/install-chromium.sh as root)";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(reason);
            Assert.Skip(reason);
        }
        var profile = Directory.CreateTempSubdirectory("apf-chromium-").FullName;
        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={profile}", "--window-size=1500,1000");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromedriver)!, Path.GetFileName(chromedriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new Browser(new ChromeDriver(service, options, TimeSpan.FromSeconds(60)), profile);
    }

    /// <summary>Waits until <paramref name="condition"/> holds in the page, re-reading it (no reload).</summary>
    public T Until<T>(Func<IWebDriver, T?> condition, string what, int timeoutMs = 15_000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            try
            {
                if (condition(Driver) is { } value && !Equals(value, false)) return value;
            }
            catch (WebDriverException) when (DateTime.UtcNow < until)
            {
                // The element was re-rendered under us: look again.
            }
            if (DateTime.UtcNow > until) throw new TimeoutException($"the page never showed {what}");
            Thread.Sleep(50);
        }
    }

    /// <summary>Saves a screenshot under the test output folder; returns its path.</summary>
    public string Screenshot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    private static string? Find(string variable, params string[] candidates) =>
        new[] { Environment.GetEnvironmentVariable(variable) }.Concat(candidates).FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
