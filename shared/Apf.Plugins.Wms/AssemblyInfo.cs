using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Apf.Plugins.Wms.Tests")]
