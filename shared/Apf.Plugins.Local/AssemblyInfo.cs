using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Apf.Plugins.Local.Tests")]
