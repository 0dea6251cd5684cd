# The Gallery package (out/Composio.<version>.nupkg from `build.ps1 Package`, which `build.ps1
# Test` runs first) and the shipped manifest: what goes in, what it says, and that packing and
# publishing leave a user's repository registrations and the repository alone.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'UserHome.ps1')
    Add-Type -AssemblyName System.IO.Compression

    $ModuleDir = Split-Path $ModuleManifest
    $Nupkg = Join-Path $RepoRoot "out/Composio.$ModuleVersion.nupkg"
    if (-not (Test-Path $Nupkg)) { throw "No package at ${Nupkg}: run ./build.ps1 Package (build.ps1 Test does)." }
    # The parts every nupkg has besides the packed files.
    $PackageParts = '^(_rels/\.rels|\[Content_Types\]\.xml|Composio\.nuspec|package/services/metadata/core-properties/[0-9a-f]+\.psmdcp)$'

    # Entry name -> bytes.
    function Read-Package {
        $entries = @{}
        $zip = [System.IO.Compression.ZipFile]::OpenRead($Nupkg)
        try {
            foreach ($entry in $zip.Entries) {
                $stream = $entry.Open(); $copy = [IO.MemoryStream]::new()
                $stream.CopyTo($copy); $stream.Dispose()
                $entries[[Uri]::UnescapeDataString($entry.FullName)] = $copy.ToArray()
            }
        }
        finally { $zip.Dispose() }
        $entries
    }

    # The CHANGELOG.md section of the manifest's version, read here on its own terms: heading text,
    # then the lines up to the next '## '; $null when there is none.
    function Get-ReleasedChangelogSection {
        $text = Get-Content -Raw (Join-Path $RepoRoot 'CHANGELOG.md')
        $m = [regex]::Match($text, '(?ms)^## (\[?' + [regex]::Escape($ModuleVersion) + '\]?(?:[ \t].*?)?$.*?)(?=^## |\z)')
        if ($m.Success) { $m.Groups[1].Value.Trim() -replace '\r\n', "`n" }
    }

    $Entries = Read-Package
    $Shipped = Import-PowerShellDataFile $ModuleManifest
}

Describe 'The nupkg' {
    It 'holds exactly the shipped module folder, byte for byte, besides the package''s own parts' {
        $files = @($Entries.Keys | Where-Object { $_ -notmatch $PackageParts } | Sort-Object)
        $folder = @(Get-ChildItem $ModuleDir -Recurse -File | ForEach-Object { [IO.Path]::GetRelativePath($ModuleDir, $_.FullName) -replace '\\', '/' } | Sort-Object)
        $files | Should -Be $folder
        $sha = { param($bytes) [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData([byte[]]$bytes)) }
        foreach ($file in $files) {
            & $sha $Entries[$file] | Should -Be (& $sha ([IO.File]::ReadAllBytes((Join-Path $ModuleDir $file)))) -Because "$file in the package must be the built one"
        }
    }

    It 'ships only the manifest, the cmdlet dll, dependencies (IL, and ReadyToRun images per runtime identifier), format files, help and LICENSE' {
        $allowed = '^(Composio\.psd1|Composio\.PowerShell\.dll|LICENSE|[\w.]+\.format\.ps1xml|dependencies/([a-z]+-[a-z0-9]+/)?[\w.]+\.dll|en-US/(Composio\.PowerShell\.dll-Help\.xml|about_\w+\.help\.txt))$'
        @($Entries.Keys | Where-Object { $_ -notmatch $PackageParts -and $_ -notmatch $allowed }) | Should -BeNullOrEmpty
        foreach ($needed in 'Composio.psd1', 'Composio.PowerShell.dll', 'LICENSE', 'dependencies/Composio.Client.dll', 'dependencies/linux-x64/Composio.Client.dll', 'dependencies/win-x64/Composio.Client.dll', 'en-US/Composio.PowerShell.dll-Help.xml', 'en-US/about_Composio.help.txt') {
            $Entries.Keys | Should -Contain $needed
        }
    }

    It 'carries no path of the build machine (repository folder or home) in any file' {
        $needles = @($RepoRoot.Path.TrimEnd('/', '\'), [Environment]::GetFolderPath('UserProfile')) | Where-Object { $_.Length -gt 3 }
        $found = foreach ($name in $Entries.Keys) {
            foreach ($needle in $needles) {
                foreach ($encoding in [Text.Encoding]::UTF8, [Text.Encoding]::Unicode) {
                    # Latin-1 maps every byte to one char, so IndexOf works on raw bytes.
                    $haystack = [Text.Encoding]::Latin1.GetString($Entries[$name])
                    if ($haystack.Contains([Text.Encoding]::Latin1.GetString($encoding.GetBytes($needle)))) { "$name holds '$needle'" }
                }
            }
        }
        $found | Should -BeNullOrEmpty
    }

    It 'says in its nuspec what the manifest says' {
        $nuspec = [xml][Text.Encoding]::UTF8.GetString($Entries['Composio.nuspec']).TrimStart([char]0xFEFF)
        $meta = $nuspec.package.metadata
        $meta.id | Should -Be 'Composio'
        $meta.version | Should -Be $ModuleVersion
        $meta.projectUrl | Should -Be $Shipped.PrivateData.PSData.ProjectUri
        $meta.licenseUrl | Should -Be $Shipped.PrivateData.PSData.LicenseUri
        $meta.tags -split ' ' | Should -Contain 'PSEdition_Core'
        $meta.releaseNotes.Trim() -replace '\r\n', "`n" | Should -Be (Get-ReleasedChangelogSection)
    }
}

Describe 'The shipped manifest' {
    It 'is a valid manifest with the Gallery''s fields' {
        $info = Test-ModuleManifest $ModuleManifest -ErrorAction Stop
        $info.Version | Should -Be $ModuleVersion
        foreach ($uri in $info.ProjectUri, $info.LicenseUri) { $uri.Scheme | Should -Be 'https' }
        # Update-Help appends the HelpInfo file name to it, so it must name a folder.
        $info.HelpInfoUri | Should -Match '^https://.+/$'
        foreach ($tag in 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS') { $info.Tags | Should -Contain $tag }
    }

    It 'has a version that CHANGELOG.md releases: the newest version heading there is the manifest''s' {
        $source = Import-PowerShellDataFile (Join-Path $RepoRoot 'Composio.psd1')
        $headings = @(Select-String -Path (Join-Path $RepoRoot 'CHANGELOG.md') -Pattern '^## \[?(\d+\.\d+\.\d+)\]?' | ForEach-Object { $_.Matches[0].Groups[1].Value })
        $headings.Count | Should -BeGreaterThan 0
        $headings[0] | Should -Be $source.ModuleVersion -Because 'a release moves the version in Composio.psd1 and gives it its CHANGELOG section together'
        # No version is released twice, and versions only go down the file.
        ($headings | Select-Object -Unique).Count | Should -Be $headings.Count
        [version[]] $ordered = $headings
        ($ordered | Sort-Object -Descending) -join ',' | Should -Be ($ordered -join ',')
    }

    It 'carries its version''s CHANGELOG section as ReleaseNotes, never [Unreleased], while the source manifest is left as written' {
        $notes = $Shipped.PrivateData.PSData.ReleaseNotes -replace '\r\n', "`n"
        $notes | Should -Be (Get-ReleasedChangelogSection)
        $notes | Should -Match ('^\[?' + [regex]::Escape($ModuleVersion))
        ($notes -split "`n")[0] | Should -Not -Match 'Unreleased'

        $source = Import-PowerShellDataFile (Join-Path $RepoRoot 'Composio.psd1')
        $source.PrivateData.PSData.ReleaseNotes | Should -Not -Be $Shipped.PrivateData.PSData.ReleaseNotes
        # Everything but the notes is the source's.
        $Shipped.ModuleVersion | Should -Be $source.ModuleVersion
        $Shipped.GUID | Should -Be $source.GUID
        $Shipped.CmdletsToExport | Should -Be $source.CmdletsToExport
    }

    It 'ships the MIT LICENSE of the repository' {
        $license = Get-Content -Raw (Join-Path $ModuleDir 'LICENSE')
        $license | Should -Be (Get-Content -Raw (Join-Path $RepoRoot 'LICENSE'))
        $license | Should -Match '^MIT License'
        $license | Should -Match 'Copyright \(c\) \d{4} Composio PowerShell contributors'
    }
}

Describe 'Packing and publishing leave the user''s registrations alone' -Skip:$IsWindows {
    BeforeAll {
        $userHome = New-TestUserHome 'packager'
        $store = Join-Path $userHome '.local/share/PSResourceGet/PSResourceRepository.xml'
        $target = New-Item -ItemType Directory (Join-Path $userHome 'publish target')
    }
    AfterAll { Remove-Item -LiteralPath $userHome -Recurse -Force -ErrorAction SilentlyContinue }

    It 'packs without writing to the user''s PSResourceGet repository list' {
        $packed = Join-Path $userHome 'packed'
        $output = (Invoke-UserPwsh $userHome @"
Register-PSResourceRepository -Name Mine -Uri $(ConvertTo-Literal $target.FullName)
'before:' + (Get-Item $(ConvertTo-Literal $store)).LastWriteTimeUtc.Ticks
& $(ConvertTo-Literal (Join-Path $RepoRoot 'tools/New-ModulePackage.ps1')) -ModulePath $(ConvertTo-Literal $ModuleDir) -OutputPath $(ConvertTo-Literal $packed) | Out-Null
'after:' + (Get-Item $(ConvertTo-Literal $store)).LastWriteTimeUtc.Ticks
(Get-PSResourceRepository).Name | ForEach-Object { 'repository:' + `$_ }
"@).Output
        Join-Path $packed "Composio.$ModuleVersion.nupkg" | Should -Exist
        ($output | Where-Object { $_ -like 'after:*' }).Substring(6) | Should -Be ($output | Where-Object { $_ -like 'before:*' }).Substring(7)
        @($output | Where-Object { $_ -like 'repository:*' }) | Sort-Object | Should -Be @('repository:Mine', 'repository:PSGallery')
    }

    It 'build.ps1 Publish -WhatIf names the package and the repository and sends nothing' {
        $packageTime = (Get-Item $Nupkg).LastWriteTimeUtc
        $output = (Invoke-UserPwsh $userHome @"
Register-PSResourceRepository -Name Target -Uri $(ConvertTo-Literal $target.FullName) -Trusted -ErrorAction SilentlyContinue
`$key = ConvertTo-SecureString 'ak_publish_never_sent' -AsPlainText -Force
& $(ConvertTo-Literal (Join-Path $RepoRoot 'build.ps1')) Publish -Repository Target -ApiKey `$key -WhatIf *>&1 | Out-String -Width 400
"@).Output -join "`n"
        $output | Should -Match "What if: .*Publish Composio $([regex]::Escape($ModuleVersion)).*Target"
        $output | Should -Not -Match 'ak_publish_never_sent'
        @(Get-ChildItem $target.FullName) | Should -BeNullOrEmpty
        # Nothing was rebuilt or repacked either.
        (Get-Item $Nupkg).LastWriteTimeUtc | Should -Be $packageTime
    }
}
