using HomemadeML.Content.Tests.Harness;

namespace HomemadeML.Content.Tests;

public sealed class NotebookCatalogTests
{
    private static NotebookCatalog Catalog => LessonChecks.Library.Notebooks;

    [Fact]
    public void Entries_AreTheElevenHomemadeDemoNotebooks()
    {
        Assert.Equal(11, Catalog.Entries.Count);
        Assert.Equal(Catalog.Entries.Count, Catalog.Entries.Select(e => e.NotebookId).Distinct().Count());
        Assert.Equal(Catalog.Entries.Count, Catalog.Entries.Select(e => e.Path).Distinct().Count());
        Assert.Equal("trekhleb/homemade-machine-learning", Catalog.Repository);
    }

    [Fact]
    public void Entries_EveryUrlForm_IsDerivedFromItsPath()
    {
        var repo = Catalog.Repository;
        var branch = Catalog.Branch;
        Assert.All(Catalog.Entries, e =>
        {
            Assert.Matches(@"^[a-z_]+/[a-z_]+\.ipynb$", e.Path);
            Assert.Equal(new Uri($"https://mybinder.org/v2/gh/{repo}/{branch}?filepath=notebooks/{e.Path}"), e.Binder);
            Assert.Equal(new Uri($"https://nbviewer.org/github/{repo}/blob/{branch}/notebooks/{e.Path}"), e.NbViewer);
            Assert.Equal(new Uri($"https://github.com/{repo}/blob/{branch}/notebooks/{e.Path}"), e.GitHub);
            Assert.All(new[] { e.Binder, e.NbViewer, e.GitHub }, u => Assert.Equal(Uri.UriSchemeHttps, u.Scheme));
        });
    }

    [Fact]
    public void Entries_EveryAlgorithmHasANotebookAndEveryNotebookAnAlgorithm()
    {
        var library = LessonChecks.Library;

        Assert.All(library.LessonIds, id => Assert.NotEmpty(Catalog.ForAlgorithm(id)));
        Assert.All(Catalog.Entries, e => Assert.Contains(e.AlgorithmId, library.LessonIds));
    }

    [Fact]
    public void Entries_HaveTitleDescriptionAndDataset()
    {
        Assert.All(Catalog.Entries, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Title));
            Assert.False(string.IsNullOrWhiteSpace(e.Demonstrates));
            Assert.False(string.IsNullOrWhiteSpace(e.Dataset));
        });
    }

    [Fact]
    public void ForAlgorithm_IgnoresCase()
    {
        Assert.Equal(Catalog.ForAlgorithm("k-means"), Catalog.ForAlgorithm("K-MEANS"));
        Assert.Empty(Catalog.ForAlgorithm("svm"));
    }

    [Fact]
    public void Load_EntryWithPlainHttpUrl_FailsNamingTheNotebook()
    {
        using var copy = ContentFolders.CopyToTemp();
        copy.Edit("notebooks-links/notebooks.json", "\"github\": \"https://github.com/trekhleb/homemade-machine-learning/blob/master/notebooks/k_means", "\"github\": \"http://github.com/trekhleb/homemade-machine-learning/blob/master/notebooks/k_means");

        var error = Assert.Throws<ContentLoadException>(() => LessonLibrary.LoadFromDirectory(copy.Root));

        Assert.Equal("notebooks-links/notebooks.json", error.File);
        Assert.Contains("k-means-iris", error.Message, StringComparison.Ordinal);
    }
}
