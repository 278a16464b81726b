using System.Reflection;
using Xunit.Abstractions;

namespace KalshiArb.Actors.Tests.Architecture;

/// <summary>
/// The folders of KalshiArb.Actors are its architecture: they lean on each other in one direction only, and each
/// declares the manifests of its own persisted and remote types.
/// </summary>
public sealed class FolderDependencySpec(ITestOutputHelper output)
{
    private static readonly Assembly Actors = typeof(MessageCatalog).Assembly;

    // Nothing is left out: the wiring that knows many folders (the market side, the regions) lives in Hosting/, which
    // no other folder uses.
    private static readonly FolderGraph Graph = new(Actors, "KalshiArb.Actors", _ => false);

    [Fact]
    public void No_two_folders_use_each_other_even_through_a_third()
    {
        output.WriteLine(Graph.Describe());
        var cycles = Graph.Cycles();
        Assert.True(cycles.Count == 0, string.Join("\n", cycles));
    }

    [Fact]
    public void Each_folder_declares_only_its_own_manifests()
    {
        var declared = ManifestLists().ToList();
        Assert.NotEmpty(declared);
        var strangers = declared
            .SelectMany(d => d.Manifests.Select(m => (d.Folder, d.Name, m.Type, Owner: Graph.FolderOf(m.Type))))
            .Where(x => x.Owner is not null && x.Owner != x.Folder)
            .Select(x => $"{x.Name} declares {x.Type.FullName}, a type of folder {x.Owner}")
            .ToList();
        Assert.True(strangers.Count == 0, string.Join("\n", strangers));

        // Types from other projects (Domain's venue reports) belong to whichever folder sends them, but to one only.
        var sharedTwice = declared.SelectMany(d => d.Manifests.Select(m => (d.Folder, m.Type)))
            .GroupBy(x => x.Type).Where(g => g.Select(x => x.Folder).Distinct().Count() > 1)
            .Select(g => $"{g.Key.FullName} is declared by {string.Join(", ", g.Select(x => x.Folder).Distinct())}")
            .ToList();
        Assert.True(sharedTwice.Count == 0, string.Join("\n", sharedTwice));
    }

    [Fact]
    public void The_catalog_lists_every_folder_manifest_list_and_registers_nothing_else()
    {
        var declared = ManifestLists().ToList();
        var missing = declared.Where(d => !MessageCatalog.Folders.Contains(d.Manifests)).Select(d => d.Name).ToList();
        Assert.True(missing.Count == 0, $"not listed in MessageCatalog.Folders: {string.Join(", ", missing)}");
        Assert.Equal(declared.Count, MessageCatalog.Folders.Count);
        var fromFolders = declared.SelectMany(d => d.Manifests.Select(m => m.Type)).ToHashSet();
        var extra = MessageCatalog.Registry.Types.Where(t => !fromFolders.Contains(t)).Select(t => t.FullName).ToList();
        Assert.True(extra.Count == 0, $"registered outside any folder's manifests: {string.Join(", ", extra)}");
    }

    /// <summary>Every public static list of (type, manifest) pairs the assembly declares, with its folder.</summary>
    private static IEnumerable<(string Folder, string Name, IReadOnlyList<(Type Type, string Manifest)> Manifests)> ManifestLists() =>
        from type in Actors.GetTypes()
        where type.Namespace != typeof(MessageCatalog).Namespace
        from property in type.GetProperties(BindingFlags.Public | BindingFlags.Static)
        where property.PropertyType == typeof(IReadOnlyList<(Type Type, string Manifest)>)
        select (Graph.FolderOf(type)!, $"{type.Name}.{property.Name}", (IReadOnlyList<(Type Type, string Manifest)>)property.GetValue(null)!);
}
