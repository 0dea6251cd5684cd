# The README's first command, `dotnet pwsh ./build.ps1 Demo`, runs demo/SeedExamples.ps1 against the
# built module. CI does not run the build task, so the same script runs here, in a child pwsh, and a
# change that breaks the demo fails the tests.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'The demo (build.ps1 Demo)' {
    It 'walks the seed doc''s examples against the built module, cleans up and exits 0' {
        $lines = Invoke-Pwsh -NoProfile -NonInteractive -File (Join-Path $RepoRoot 'demo/SeedExamples.ps1') -ModulePath $ModuleManifest 2>&1
        $text = $lines -join "`n"
        $LASTEXITCODE | Should -Be 0 -Because $text
        $text | Should -Match 'Removed \d+ auth configs'
    }
}
