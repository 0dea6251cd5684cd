# What Update-Help and Save-Help read (out/help/ from the build): the HelpInfo file, the .zip
# PowerShell 7 reads on Linux and macOS and the .cab Windows reads, each holding the en-US help
# as built; and a Save-Help from a local web server that serves that folder, then Update-Help.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'UserHome.ps1')
    . (Join-Path $PSScriptRoot 'StaticFileServer.ps1')
    Add-Type -AssemblyName System.IO.Compression

    $HelpOut = Join-Path $RepoRoot 'out/help'
    $Manifest = Import-PowerShellDataFile $ModuleManifest
    $Prefix = "Composio_$($Manifest.GUID)"
    $HelpDir = Join-Path (Split-Path $ModuleManifest) 'en-US'
    $Sha = { param($bytes) [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData([byte[]]$bytes)) }
    # File name -> SHA-256 of the en-US help as built.
    $Expected = @{}
    foreach ($f in Get-ChildItem $HelpDir -File) { $Expected[$f.Name] = & $Sha ([IO.File]::ReadAllBytes($f.FullName)) }

    # Reads a cabinet as [MS-CAB] describes it, apart from the writer: one MSZIP folder; returns name -> SHA-256.
    function Read-Cabinet([string] $Path) {
        $b = [IO.File]::ReadAllBytes($Path)
        [Text.Encoding]::ASCII.GetString($b, 0, 4) | Should -Be 'MSCF'
        [BitConverter]::ToUInt32($b, 8) | Should -Be $b.Length -Because 'the header gives the cabinet''s size'
        [BitConverter]::ToUInt16($b, 26) | Should -Be 1 -Because 'one folder'
        [BitConverter]::ToUInt16($b, 30) | Should -Be 0 -Because 'no reserved areas or chained cabinets'
        $fileCount = [BitConverter]::ToUInt16($b, 28)
        $dataAt = [BitConverter]::ToUInt32($b, 36)
        $blocks = [BitConverter]::ToUInt16($b, 40)
        [BitConverter]::ToUInt16($b, 42) | Should -Be 1 -Because 'MSZIP compression'

        $folder = [IO.MemoryStream]::new()
        for ($i = 0; $i -lt $blocks; $i++) {
            $packed = [BitConverter]::ToUInt16($b, $dataAt + 4)
            $plain = [BitConverter]::ToUInt16($b, $dataAt + 6)
            [Text.Encoding]::ASCII.GetString($b, $dataAt + 8, 2) | Should -Be 'CK'
            $inflate = [IO.Compression.DeflateStream]::new([IO.MemoryStream]::new($b, $dataAt + 10, $packed - 2), [IO.Compression.CompressionMode]::Decompress)
            $block = [IO.MemoryStream]::new()
            $inflate.CopyTo($block)
            $block.Length | Should -Be $plain
            $block.WriteTo($folder)
            $dataAt += 8 + $packed
        }
        $data = $folder.ToArray()

        $files = @{}
        $at = [BitConverter]::ToUInt32($b, 16)
        for ($i = 0; $i -lt $fileCount; $i++) {
            $size = [BitConverter]::ToUInt32($b, $at)
            $offset = [BitConverter]::ToUInt32($b, $at + 4)
            $end = [Array]::IndexOf($b, [byte]0, $at + 16)
            $name = [Text.Encoding]::UTF8.GetString($b, $at + 16, $end - $at - 16)
            $files[$name] = & $Sha ([ArraySegment[byte]]::new($data, $offset, $size).ToArray())
            $at = $end + 1
        }
        $files
    }
}

Describe 'out/help' {
    It 'holds the HelpInfo file and one .zip and one .cab for en-US, named after the module''s GUID' {
        @(Get-ChildItem $HelpOut -File | ForEach-Object Name | Sort-Object) |
            Should -Be (@("${Prefix}_HelpInfo.xml", "${Prefix}_en-US_HelpContent.cab", "${Prefix}_en-US_HelpContent.zip") | Sort-Object)
    }

    It 'HelpInfo sends Update-Help to the manifest''s HelpInfoUri and offers en-US at the module''s version' {
        $xml = [xml](Get-Content -Raw (Join-Path $HelpOut "${Prefix}_HelpInfo.xml"))
        $xml.HelpInfo.NamespaceURI | Should -Be 'http://schemas.microsoft.com/powershell/help/2010/05'
        $xml.HelpInfo.HelpContentURI | Should -Be $Manifest.HelpInfoUri
        $cultures = @($xml.HelpInfo.SupportedUICultures.UICulture)
        $cultures.UICultureName | Should -Be 'en-US'
        [version]$cultures[0].UICultureVersion | Should -Be ([version]"$($Manifest.ModuleVersion).0")
    }

    It 'the .zip holds exactly the en-US help as built' {
        $zip = [IO.Compression.ZipFile]::OpenRead((Join-Path $HelpOut "${Prefix}_en-US_HelpContent.zip"))
        try {
            $got = @{}
            foreach ($entry in $zip.Entries) {
                $copy = [IO.MemoryStream]::new(); $s = $entry.Open(); $s.CopyTo($copy); $s.Dispose()
                $got[$entry.FullName] = & $Sha $copy.ToArray()
            }
        }
        finally { $zip.Dispose() }
        ($got.Keys | Sort-Object) | Should -Be ($Expected.Keys | Sort-Object)
        foreach ($name in $Expected.Keys) { $got[$name] | Should -Be $Expected[$name] -Because $name }
    }

    It 'the .cab holds exactly the en-US help as built' {
        $got = Read-Cabinet (Join-Path $HelpOut "${Prefix}_en-US_HelpContent.cab")
        ($got.Keys | Sort-Object) | Should -Be ($Expected.Keys | Sort-Object)
        foreach ($name in $Expected.Keys) { $got[$name] | Should -Be $Expected[$name] -Because $name }
    }

    # cabextract is another implementation and checks every block's checksum; not every machine has it.
    It 'the .cab passes cabextract''s test, checksums included' -Skip:(-not (Get-Command cabextract -ErrorAction SilentlyContinue)) {
        $report = cabextract -t (Join-Path $HelpOut "${Prefix}_en-US_HelpContent.cab") 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($report -join "`n")
        @($report | Where-Object { $_ -match '\sOK\s' }).Count | Should -Be $Expected.Count
    }
}

Describe 'Save-Help from a web server, then Update-Help -SourcePath' -Skip:$IsWindows {
    BeforeAll {
        $userHome = New-TestUserHome 'save help'
        $site = New-Item -ItemType Directory (Join-Path $userHome 'help site')
        $server = Start-StaticFileServer $site.FullName
        # The built module with its help removed and HelpInfoUri pointing at the local server;
        # its updatable help is made by the build's own tool, from the copy.
        $copy = Join-Path $userHome 'module copy/Composio'
        Copy-Item (Split-Path $ModuleManifest) $copy -Recurse
        $copyManifest = Join-Path $copy 'Composio.psd1'
        $text = (Get-Content -Raw $copyManifest) -replace "(?m)^(\s*HelpInfoUri\s*=\s*)'[^']*'", "`${1}'$($server.BaseUri)help/'"
        [IO.File]::WriteAllText($copyManifest, $text, [Text.UTF8Encoding]::new($true))
        & (Join-Path $RepoRoot 'tools/New-UpdatableHelp.ps1') -ModulePath $copy -OutputPath (Join-Path $site 'help')
        Remove-Item (Join-Path $copy 'en-US') -Recurse
        $saved = New-Item -ItemType Directory (Join-Path $userHome 'saved help')
    }
    AfterAll {
        Stop-StaticFileServer $server
        Remove-Item -LiteralPath $userHome -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'saves what the site offers and installs it from the saved folder' {
        $output = (Invoke-UserPwsh $userHome @"
Import-Module $(ConvertTo-Literal $copyManifest)
'before:' + (Get-Help New-ComposioAuthConfig).Synopsis.Trim()
Save-Help -Module Composio -DestinationPath $(ConvertTo-Literal $saved.FullName) -UICulture en-US -Force
Update-Help -Module Composio -SourcePath $(ConvertTo-Literal $saved.FullName) -UICulture en-US -Force
"@).Output
        ($output | Where-Object { $_ -like 'before:*' }) | Should -BeLike 'before:New-ComposioAuthConfig *' -Because 'the copy has no help of its own'
        $server.Log.ToArray() | Should -Be @("/help/${Prefix}_HelpInfo.xml", "/help/${Prefix}_en-US_HelpContent.zip")
        Join-Path $saved "${Prefix}_en-US_HelpContent.zip" | Should -Exist

        $after = (Invoke-UserPwsh $userHome "Import-Module $(ConvertTo-Literal $copyManifest); (Get-Help New-ComposioAuthConfig).Synopsis").Output
        # The synopsis the built help gives in this process (Common.ps1 imported the built module).
        $after | Should -Be (Get-Help New-ComposioAuthConfig).Synopsis
    }
}
