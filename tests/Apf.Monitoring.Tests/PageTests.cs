using OpenQA.Selenium;

namespace Apf.Monitoring.Tests;

/// <summary>The monitor page in a real headless browser.</summary>
public class PageTests
{
    private static string Cell(IWebDriver d, string queue, int column) =>
        d.FindElement(By.CssSelector($"#queues tr.row[data-queue='{queue}'] td:nth-child({column})")).Text;

    private const int Ready = 3, Action = 11, CycleColumn = 12;

    [Fact]
    public async Task The_overview_shows_the_demo_queues_and_updates_when_a_cycle_happens()
    {
        await using var host = await MonitorHost.StartAsync();
        await host.DecideAsync(MonitorHost.Decision("analysis", 1, ready: 7, pending: 1, running: 2, decision: 3, action: "submit 3"));
        await host.DecideAsync(MonitorHost.Decision("production", 1, ready: 5, pending: 0, running: 0, decision: 2, action: "hold: batch status not refreshed since the last command"));
        using var browser = Browser.Start();
        var driver = browser.Driver;

        driver.Navigate().GoToUrl(host.Url + "/");
        browser.Until(d => d.FindElements(By.CssSelector("#queues tr.row")).Count == 2, "both demo queues");
        browser.Until(d => d.FindElement(By.Id("live")).Text == "live", "the live badge");
        Assert.Equal("7", Cell(driver, "analysis", Ready).Split('\n')[0]);
        Assert.Contains("h-starved", driver.FindElement(By.CssSelector("#queues tr.row[data-queue='production']")).GetAttribute("class"));
        // Marks this page load: a reload would lose the mark.
        driver.ExecuteScript("window.apfMark = 42;");

        await host.DecideAsync(MonitorHost.Decision("analysis", 2, ready: 11, pending: 0, running: 3, decision: 3, action: "submit 3", at: MonitorHost.Start.AddSeconds(3)));

        browser.Until(d => Cell(d, "analysis", CycleColumn) == "2", "cycle 2 of analysis");
        Assert.Equal("11", Cell(driver, "analysis", Ready).Split('\n')[0]);
        Assert.Equal(42L, driver.ExecuteScript("return window.apfMark;"));

        // The chain explanation opens under the row.
        driver.FindElement(By.CssSelector("#queues tr.row[data-queue='analysis'] td:nth-child(2)")).Click();
        var chain = browser.Until(d => d.FindElement(By.CssSelector("tr.explain[data-explains='analysis']")).Text, "the explanation");
        Assert.Contains("MaxPerCycle: 11 → 3", chain);
        browser.Screenshot("overview");

        // Filter and sort, client-side.
        driver.FindElement(By.Id("filter")).SendKeys("prod");
        browser.Until(d => d.FindElements(By.CssSelector("#queues tr.row")).Count == 1, "only production");
        driver.FindElement(By.Id("filter")).Clear();
        driver.ExecuteScript("document.getElementById('filter').dispatchEvent(new Event('input'));");
        browser.Until(d => d.FindElements(By.CssSelector("#queues tr.row")).Count == 2, "both queues again");
        driver.FindElement(By.CssSelector("th[data-sort='ready']")).Click();   // ascending: production (5) before analysis (11)
        browser.Until(d => d.FindElements(By.CssSelector("#queues tr.row"))[0].GetAttribute("data-queue") == "production", "production first");
        driver.FindElement(By.CssSelector("th[data-sort='ready']")).Click();
        browser.Until(d => d.FindElements(By.CssSelector("#queues tr.row"))[0].GetAttribute("data-queue") == "analysis", "analysis first");
    }

    [Fact]
    public async Task The_queue_page_charts_its_history_and_lists_decisions_and_pilots_live()
    {
        await using var host = await MonitorHost.StartAsync();
        int[] ready = [12, 10, 9, 6, 6, 4, 2, 1, 0, 0];
        for (var cycle = 1; cycle <= ready.Length; cycle++)
        {
            host.Time.Advance(TimeSpan.FromSeconds(3));
            var pending = Math.Min(2, ready[cycle - 1]);
            await host.DecideAsync(MonitorHost.Decision("analysis", cycle, ready[cycle - 1], pending, running: Math.Min(4, cycle), decision: Math.Min(3, ready[cycle - 1] - pending),
                action: ready[cycle - 1] - pending > 0 ? $"submit {Math.Min(3, ready[cycle - 1] - pending)}" : "none", at: host.Time.GetUtcNow()));
        }
        await host.PilotAsync("pilot-1", "start");
        host.Time.Advance(TimeSpan.FromSeconds(20));
        await host.PilotAsync("pilot-1", "end", jobsRun: 0, exitCode: 0);
        using var browser = Browser.Start();
        var driver = browser.Driver;

        driver.Navigate().GoToUrl(host.Url + "/queues/analysis");
        browser.Until(d => d.FindElements(By.CssSelector("#decisions tbody tr")).Count == 10, "ten decisions");
        browser.Until(d => d.FindElement(By.Id("live")).Text == "live", "the live badge");
        Assert.StartsWith("10", driver.FindElement(By.CssSelector("#decisions tbody tr")).Text);   // newest first
        Assert.Contains("pilot-1", driver.FindElement(By.Id("pilots")).Text);
        Assert.Contains("cpus=4", driver.FindElement(By.Id("pilots")).Text);
        // The charts drew something: some pixels of the ready chart are not blank.
        var painted = (long)driver.ExecuteScript(
            "const c = document.getElementById('chart-ready'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;" +
            "let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;")!;
        Assert.True(painted > 500, $"only {painted} pixels painted");

        await host.PilotAsync("pilot-2", "start");
        browser.Until(d => d.FindElement(By.Id("pilots")).Text.Contains("pilot-2"), "pilot-2 without reload");
        await host.DecideAsync(MonitorHost.Decision("analysis", 11, ready: 8, pending: 0, running: 4, decision: 3, action: "submit 3", at: host.Time.GetUtcNow()));
        browser.Until(d => d.FindElement(By.CssSelector("#decisions tbody tr")).Text.StartsWith("11"), "cycle 11 without reload");
        var shot = browser.Screenshot("queue-analysis");
        Assert.True(new FileInfo(shot).Length > 10_000);
    }
}
