using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Apf.Plugins.HTCondor.Tests")]
