# The ReadyToRun images in dependencies/<rid>/ (tools/ReadyToRunImages, Loading/NativeImageFolder):
# what the build put there, that pwsh on this machine loads them, and that the IL files still serve
# when a folder or a file is missing.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')

    $ModuleDir = Split-Path $ModuleManifest
    $Dependencies = Join-Path $ModuleDir 'dependencies'
    # The images' .NET major, from the module itself (Loading/NativeImageFolder.RuntimeMajor).
    $RuntimeMajor = (Get-Module Composio).ImplementingAssembly.GetType('Composio.PowerShell.Loading.NativeImageFolder', $true).
        GetField('RuntimeMajor', [Reflection.BindingFlags]'Static,NonPublic').GetValue($null)
    # This machine's runtime identifier when the build made images for it and this .NET runs them
    # (linux-x64 here; osx-arm64, win-x64... in the public matrix), else $null.
    $info = [Runtime.InteropServices.RuntimeInformation]
    $os = @('Linux', 'linux'), @('OSX', 'osx'), @('Windows', 'win') | Where-Object { $info::IsOSPlatform([Runtime.InteropServices.OSPlatform]::($_[0])) } | ForEach-Object { $_[1] }
    $Rid = '{0}-{1}' -f $os, "$($info::OSArchitecture)".ToLowerInvariant()
    if ([Environment]::Version.Major -ne $RuntimeMajor -or -not (Test-Path (Join-Path $Dependencies $Rid))) { $Rid = $null }
    $NoImages = "there are no images for this machine's runtime identifier on .NET $([Environment]::Version.Major) (they are for .NET $RuntimeMajor)"

    # A file's PE facts: its ReadyToRun header size (0 for IL), COFF machine, module version id.
    function Get-PeFacts([string] $Path) {
        $stream = [IO.File]::OpenRead($Path)
        try {
            $pe = [Reflection.PortableExecutable.PEReader]::new($stream)
            $metadata = [Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
            [pscustomobject]@{
                NativeHeader = $pe.PEHeaders.CorHeader.ManagedNativeHeaderDirectory.Size
                Machine      = [int]$pe.PEHeaders.CoffHeader.Machine
                Mvid         = $metadata.GetGuid($metadata.GetModuleDefinition().Mvid)
            }
        }
        finally { $stream.Dispose() }
    }

    # Where the client and Microsoft.Extensions.Http came from after Connect (with its key check)
    # and a create, read and remove, in a fresh pwsh importing the module at $Manifest.
    function Invoke-Lifecycle([string] $Manifest, $Emulator) {
        $script = @"
`$env:COMPOSIO_API_KEY = '$($Emulator.ApiKey)'
`$env:COMPOSIO_BASE_URL = '$($Emulator.BaseUri)'
Import-Module '$Manifest'
Connect-Composio | Out-Null
`$created = New-ComposioAuthConfig -Toolkit github -Name 'native-images'
'read:' + (Get-ComposioAuthConfig -Id `$created.Id).Name
Remove-ComposioAuthConfig -Id `$created.Id -Force
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -in 'Composio.Client', 'Microsoft.Extensions.Http' } |
    ForEach-Object { 'loaded:{0}|{1}|{2}' -f `$_.GetName().Name, [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name, `$_.Location }
"@
        $lines = Invoke-Pwsh -NoProfile -NonInteractive -Command $script 2>&1
        $loaded = @{}
        foreach ($line in $lines | Where-Object { "$_" -like 'loaded:*' }) {
            $name, $context, $location = "$line".Substring(7) -split '\|', 3
            $loaded[$name] = [pscustomobject]@{ Context = $context; Location = $location }
        }
        [pscustomobject]@{ Lines = $lines; Loaded = $loaded }
    }

    # A copy of the built module folder, to take files out of.
    function Copy-Module([string] $Name) {
        $copy = Join-Path ([IO.Path]::GetTempPath()) "composio-$Name-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        Copy-Item $ModuleDir $copy -Recurse
        $copy
    }
}

Describe 'The ReadyToRun images in a folder per runtime identifier under dependencies/' {
    It 'are built for every runtime identifier the build names, one image for each client, Microsoft.Extensions.* and Microsoft.Bcl.* IL file' {
        [xml] $project = Get-Content (Join-Path $RepoRoot 'tools/ReadyToRunImages/ReadyToRunImages.csproj')
        $rids = @(($project.Project.PropertyGroup.RuntimeIdentifiers | Where-Object { $_ }) -split ';')
        $rids | Should -Contain 'linux-x64'
        @(Get-ChildItem $Dependencies -Directory).Name | Sort-Object | Should -Be ($rids | Sort-Object)
        $compiled = @(Get-ChildItem $Dependencies -File -Filter *.dll | Where-Object { $_.BaseName -eq 'Composio.Client' -or $_.BaseName -like 'Microsoft.Extensions.*' -or $_.BaseName -like 'Microsoft.Bcl.*' }).Name | Sort-Object
        $compiled | Should -Contain 'Microsoft.Extensions.Http.dll'
        foreach ($rid in $rids) {
            # No System.* polyfill: on .NET the framework's own copies load, never ours.
            @(Get-ChildItem (Join-Path $Dependencies $rid) -File).Name | Sort-Object | Should -Be $compiled -Because "dependencies/$rid holds the images of those IL files only"
        }
    }

    It 'each has its IL twin''s identity and module version id, and is a ReadyToRun image for its runtime identifier' {
        # The COFF machine of a ReadyToRun image: the architecture's, XOR-ed with the OS's mark (none for Windows).
        $architecture = @{ x64 = 0x8664; arm64 = 0xAA64; x86 = 0x014C }
        $os = @{ linux = 0x7B79; osx = 0x4644; win = 0 }
        $checked = 0
        foreach ($folder in Get-ChildItem $Dependencies -Directory) {
            $osPart, $architecturePart = $folder.Name -split '-', 2
            $machine = $architecture[$architecturePart] -bxor $os[$osPart]
            foreach ($image in Get-ChildItem $folder.FullName -File) {
                $il = Join-Path $Dependencies $image.Name
                $ilName = [Reflection.AssemblyName]::GetAssemblyName($il)
                $imageName = [Reflection.AssemblyName]::GetAssemblyName($image.FullName)
                $because = "$($folder.Name)/$($image.Name)"
                $imageName.Name | Should -Be $ilName.Name -Because $because
                $imageName.Version | Should -Be $ilName.Version -Because $because
                $imageName.CultureName | Should -Be $ilName.CultureName -Because $because
                [Convert]::ToHexString($imageName.GetPublicKeyToken()) | Should -Be ([Convert]::ToHexString($ilName.GetPublicKeyToken())) -Because $because
                $ilFacts = Get-PeFacts $il
                $imageFacts = Get-PeFacts $image.FullName
                $imageFacts.Mvid | Should -Be $ilFacts.Mvid -Because "$because is compiled from the very IL file that ships beside it"
                $ilFacts.NativeHeader | Should -Be 0 -Because "$($image.Name) in dependencies/ is the IL fallback"
                $imageFacts.NativeHeader | Should -BeGreaterThan 0 -Because "$because is a ReadyToRun image"
                '{0:X4}' -f $imageFacts.Machine | Should -Be ('{0:X4}' -f $machine) -Because "$because is compiled for $($folder.Name)"
                $checked++
            }
        }
        $checked | Should -BeGreaterThan 0
    }
}

Describe 'Loading the ReadyToRun images' {
    BeforeAll {
        $emulator = Start-ComposioEmulator
        $null = New-TestCache
        $copies = [Collections.Generic.List[string]]::new()
    }
    AfterAll {
        if ($emulator) { $emulator | Stop-ComposioEmulator }
        Remove-TestCache
        foreach ($copy in $copies) { Remove-Item -LiteralPath $copy -Recurse -Force -ErrorAction SilentlyContinue }
    }

    It 'pwsh loads the client and Microsoft.Extensions.Http from its runtime identifier''s folder under dependencies/ (linux-x64 here), as ReadyToRun images, into the module''s load context' {
        if (-not $Rid) {
            Set-ItResult -Skipped -Because $NoImages
            return
        }
        $result = Invoke-Lifecycle $ModuleManifest $emulator
        $result.Lines | Should -Contain 'read:native-images'
        foreach ($name in 'Composio.Client', 'Microsoft.Extensions.Http') {
            $result.Loaded[$name].Location | Should -Be (Join-Path $Dependencies $Rid "$name.dll")
            $result.Loaded[$name].Context | Should -Be 'Composio'
            (Get-PeFacts $result.Loaded[$name].Location).NativeHeader | Should -BeGreaterThan 0
        }
    }

    It 'without its runtime identifier''s folder (linux-x64 here), loads the IL files and works end to end' {
        $copy = Copy-Module 'il-fallback'
        $copies.Add($copy)
        Remove-Item (Join-Path $copy 'dependencies' ($Rid ?? 'linux-x64')) -Recurse -Force
        Clear-ComposioEmulatorRequest $emulator
        $result = Invoke-Lifecycle (Join-Path $copy 'Composio.psd1') $emulator
        $result.Lines | Should -Contain 'read:native-images'
        @(Get-WireRequest $emulator POST '/api/*/auth_configs').Count | Should -Be 1
        @(Get-WireRequest $emulator DELETE '/api/*/auth_configs/*').Count | Should -Be 1
        foreach ($name in 'Composio.Client', 'Microsoft.Extensions.Http') {
            $result.Loaded[$name].Location | Should -Be (Join-Path $copy 'dependencies' "$name.dll")
            $result.Loaded[$name].Context | Should -Be 'Composio'
            (Get-PeFacts $result.Loaded[$name].Location).NativeHeader | Should -Be 0
        }
    }

    It 'takes the IL file for an assembly its runtime identifier''s folder lacks, the image for the others' {
        if (-not $Rid) {
            Set-ItResult -Skipped -Because $NoImages
            return
        }
        $copy = Copy-Module 'one-missing'
        $copies.Add($copy)
        Remove-Item (Join-Path $copy 'dependencies' $Rid 'Microsoft.Extensions.Http.dll')
        $result = Invoke-Lifecycle (Join-Path $copy 'Composio.psd1') $emulator
        $result.Lines | Should -Contain 'read:native-images'
        $result.Loaded['Composio.Client'].Location | Should -Be (Join-Path $copy 'dependencies' $Rid 'Composio.Client.dll')
        $result.Loaded['Microsoft.Extensions.Http'].Location | Should -Be (Join-Path $copy 'dependencies' 'Microsoft.Extensions.Http.dll')
    }
}
